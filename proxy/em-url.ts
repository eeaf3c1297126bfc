const acceptedPaths = new Set(['', '/', '/api', '/api/'])

/** Parses an EM address such as `https://em:9398`, with or without a trailing `/`, `/api` or `/api/`, into its origin; throws with the reason. */
export function parseEmUrl(text: string): URL {
  if (!URL.canParse(text)) throw new Error('not an absolute URL')
  const url = new URL(text)
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`unsupported scheme ${url.protocol}`)
  if (url.username !== '' || url.password !== '') throw new Error('credentials do not belong in the URL')
  if (url.search !== '' || url.hash !== '') throw new Error('no query or fragment allowed')
  if (!acceptedPaths.has(url.pathname)) throw new Error(`path must be empty or /api, not ${url.pathname}`)
  return new URL(url.origin)
}

/** `host:port` of an origin, with the scheme's default port spelled out, as operators know EM (`em:9398`). */
export function hostPort(origin: URL): string {
  const port = origin.port === '' ? (origin.protocol === 'https:' ? '443' : '80') : origin.port
  return `${origin.hostname}:${port}`
}
