import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http'

const forwardedRequestHeaders = ['accept', 'content-type', 'content-length', 'x-restsvcsessionid'] as const

/** Headers sent to EM: an allow-list, `authorization` only when logging on, never a cookie (em-api.md §3: a cookie beats the header). */
export function upstreamRequestHeaders(
  incoming: IncomingHttpHeaders,
  options: { host: string; allowAuthorization: boolean },
): OutgoingHttpHeaders {
  const headers: Record<string, string | string[]> = { host: options.host }
  for (const name of forwardedRequestHeaders) {
    const value = incoming[name]
    if (value !== undefined) headers[name] = value
  }
  if (options.allowAuthorization && incoming.authorization !== undefined) {
    headers.authorization = incoming.authorization
  }
  return headers
}

const hopByHop = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
])

const neverToBrowser = new Set([
  // EM sets its token as a cookie on /api (em-api.md §3); in the browser it would override the header and leak into every tab.
  'set-cookie',
  'set-cookie2',
  // EM's 401 carries `Basic Realm=RestSvc`; a browser answers that on fetch with its own password prompt, over the app's sign-in.
  'www-authenticate',
])

/** EM's response headers for the browser, in EM's spelling (`X-RestSvcSessionId`), minus hop-by-hop headers, cookies and the Basic challenge. */
export function clientResponseHeaders(rawHeaders: readonly string[]): Map<string, string[]> {
  const dropped = new Set(hopByHop)
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    if (rawHeaders[i]?.toLowerCase() !== 'connection') continue
    for (const token of (rawHeaders[i + 1] ?? '').split(',')) dropped.add(token.trim().toLowerCase())
  }
  const byName = new Map<string, string[]>()
  const spelling = new Map<string, string>()
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] ?? ''
    const key = name.toLowerCase()
    if (dropped.has(key) || neverToBrowser.has(key)) continue
    const first = spelling.get(key) ?? name
    spelling.set(key, first)
    byName.set(first, [...(byName.get(first) ?? []), rawHeaders[i + 1] ?? ''])
  }
  return byName
}
