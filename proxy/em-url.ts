/** Where EM's REST API is: its origin, and the path in front of `/api` when a reverse proxy publishes EM under one. */
export type EmAddress = {
  origin: URL
  /** '' for EM itself (`https://em:9398`); `/veeam/em` for `https://gateway/veeam/em`; never a trailing slash. */
  pathPrefix: string
}

// A prefix is plain path segments: nothing that decodes or normalises into something else on the way (no
// escapes, no empty or dot segments).
const prefixPattern = /^(\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*$/

/**
 * Parses an EM address such as `https://em:9398` or `https://gateway.example.com/veeam/em`, with or without a
 * trailing `/`, `/api` or `/api/`; throws with the reason.
 */
export function parseEmUrl(text: string): EmAddress {
  if (!URL.canParse(text)) throw new Error('not an absolute URL')
  const url = new URL(text)
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`unsupported scheme ${url.protocol}`)
  if (url.username !== '' || url.password !== '') throw new Error('credentials do not belong in the URL')
  if (url.search !== '' || url.hash !== '') throw new Error('no query or fragment allowed')
  const pathPrefix = url.pathname.replace(/\/$/, '').replace(/\/api$/i, '')
  if (!prefixPattern.test(pathPrefix))
    throw new Error(`the path may hold only plain segments (letters, digits, . _ ~ -), not ${url.pathname}`)
  return { origin: new URL(url.origin), pathPrefix }
}

/** `host:port` of an origin, with the scheme's default port spelled out, as operators know EM (`em:9398`). */
export function hostPort(origin: URL): string {
  const port = origin.port === '' ? (origin.protocol === 'https:' ? '443' : '80') : origin.port
  return `${origin.hostname}:${port}`
}
