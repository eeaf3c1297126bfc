import type { IncomingHttpHeaders } from 'node:http'

// What EM needs from a browser request: the format, a POST body's type, and the session token. Framing headers
// (Content-Length, Transfer-Encoding) are the proxy's own to set (request-body.ts), never the client's.
const forwardedRequestHeaders = ['accept', 'content-type', 'x-restsvcsessionid'] as const

/** Headers sent to EM: an allowlist, `authorization` only when logging on, never a cookie (em-api.md §3: a cookie beats the header). */
export function upstreamRequestHeaders(
  incoming: IncomingHttpHeaders,
  options: { allowAuthorization: boolean },
): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {}
  for (const name of forwardedRequestHeaders) {
    const value = incoming[name]
    if (value !== undefined) headers[name] = value
  }
  if (options.allowAuthorization && incoming.authorization !== undefined) {
    headers.authorization = incoming.authorization
  }
  return headers
}

/** Bytes of the headers the proxy would forward, as they go on the wire (`name: value\r\n` each). */
export function headerBytes(headers: Readonly<Record<string, string | string[]>>): number {
  let total = 0
  for (const [name, value] of Object.entries(headers)) {
    for (const one of Array.isArray(value) ? value : [value])
      total += Buffer.byteLength(`${name}: ${one}\r\n`)
  }
  return total
}

// What the app reads of an answer: its type and length (and an encoding, should EM apply one unasked), plus EM's
// token on sign-in (em-api.md §3). Everything else EM or a box in front of it says stays out: cache rules,
// CORS grants, cookies, its Basic challenge (the browser would prompt over the app's sign-in), CSP, Refresh, Link,
// Server and X-Powered-By.
const toBrowser = new Set(['content-type', 'content-length', 'content-encoding'])
const SESSION_HEADER = 'x-restsvcsessionid'

/** EM's response headers for the browser: only the allowlist, in EM's spelling; the session header only when `sessionHeader`. */
export function clientResponseHeaders(
  rawHeaders: readonly string[],
  options: { sessionHeader: boolean },
): Map<string, string[]> {
  const byName = new Map<string, string[]>()
  const spelling = new Map<string, string>()
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] ?? ''
    const key = name.toLowerCase()
    if (!toBrowser.has(key) && !(options.sessionHeader && key === SESSION_HEADER)) continue
    const first = spelling.get(key) ?? name
    spelling.set(key, first)
    byName.set(first, [...(byName.get(first) ?? []), rawHeaders[i + 1] ?? ''])
  }
  return byName
}
