// Typed errors of the EM client (STYLE §3.7): thrown low, handled once in app/query-client.ts.
// None of them ever carries a token or a password; bodies appear only as a short excerpt.

/**
 * EM answered a non-2xx status or a 2xx body that is an Error document (em-api.md §8, §16), or the dashboard's
 * proxy refused the request itself (kiosk key or allowlist, request guard, kiosk sign-in): then `proxyMessage`.
 */
export class EmHttpError extends Error {
  override readonly name = 'EmHttpError'
  readonly status: number
  /** EM's Message (or first-chance exception message); null when EM gave none. */
  readonly emMessage: string | null
  /** The proxy's own words when it answered instead of EM; null when the answer came from EM. */
  readonly proxyMessage: string | null
  readonly path: string

  constructor(
    status: number,
    emMessage: string | null,
    path: string,
    options: { proxyMessage?: string | null } = {},
  ) {
    const proxyMessage = options.proxyMessage ?? null
    const who = proxyMessage === null ? 'Enterprise Manager' : "The dashboard's proxy"
    const words = proxyMessage ?? emMessage
    super(`${who} answered ${status}${path ? ` for ${path}` : ''}${words ? `: ${words}` : ''}`)
    this.status = status
    this.emMessage = emMessage
    this.proxyMessage = proxyMessage
    this.path = path
  }
}

/** EM could not be reached: the proxy answered 502/504, the network failed, or nothing came back in time. */
export class EmUnreachableError extends Error {
  override readonly name = 'EmUnreachableError'
  /** EM's host as the proxy reported it, when it did. */
  readonly host: string | null
  /** The proxy's or the network's own words, for a details line. */
  readonly detail: string | null

  constructor(message: string, options: { host?: string | null; detail?: string | null } = {}) {
    super(message)
    this.host = options.host ?? null
    this.detail = options.detail ?? null
  }
}

const EXCERPT_LENGTH = 80

/** A body that is not the XML or JSON expected: what was expected, and at most a short excerpt. */
export class EmParseError extends Error {
  override readonly name = 'EmParseError'
  readonly excerpt: string | null

  constructor(message: string, excerpt?: string) {
    super(message)
    this.excerpt = excerpt === undefined ? null : shorten(excerpt)
  }
}

/** An Href or path the client refuses to follow (link-resolver.ts lists why). */
export class EmLinkError extends Error {
  override readonly name = 'EmLinkError'
  readonly href: string

  constructor(href: string, reason: string) {
    super(`Refused to follow the link ${JSON.stringify(shorten(href))}: ${reason}`)
    this.href = href
  }
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim()
  return oneLine.length > EXCERPT_LENGTH ? `${oneLine.slice(0, EXCERPT_LENGTH)}…` : oneLine
}
