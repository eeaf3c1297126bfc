import type { Agent, IncomingMessage, ServerResponse } from 'node:http'
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { clientResponseHeaders, upstreamRequestHeaders } from './forward-headers.ts'
import { apiSecurityHeaders, setHeaders } from './security-headers.ts'
import { describeUpstreamError, sendUnreachable } from './upstream-error.ts'

/** The one EM origin the proxy talks to. */
export type Upstream = {
  origin: URL
  /** Put in front of every `/api/…` path the guard approved, for an EM published under a path (EM_URL). */
  pathPrefix?: string
  /** `host:port`, as shown in error messages. */
  host: string
  agent: Agent
  /** How long to wait for EM's response headers before answering 504. */
  timeoutMs: number
}

// Logon is the only request that needs Basic credentials (em-api.md §3); elsewhere EM ignores them, so they stay home.
const logonPath = /^\/api\/sessionmngr(\/|$)/i

/** Streams one vetted /api request to EM and EM's answer back unaltered but for headers; failures become 502/504 JSON, and a client hang-up aborts EM's request. */
export function forwardToEm(
  req: IncomingMessage,
  res: ServerResponse,
  upstream: Upstream,
  target: { pathAndQuery: string; path: string },
): void {
  const method = req.method ?? 'GET'
  const { origin } = upstream
  const send = origin.protocol === 'https:' ? httpsRequest : httpRequest
  const upstreamReq = send({
    hostname: origin.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: origin.port === '' ? undefined : Number(origin.port),
    method,
    path: (upstream.pathPrefix ?? '') + target.pathAndQuery,
    headers: upstreamRequestHeaders(req.headers, {
      host: origin.host,
      allowAuthorization: method === 'POST' && logonPath.test(target.path),
    }),
    agent: upstream.agent,
  })

  let settled = false
  const fail = (status: 502 | 504, reason: string): void => {
    if (settled) return
    settled = true
    clearTimeout(timer)
    upstreamReq.destroy()
    if (!res.headersSent && !res.destroyed) sendUnreachable(res, status, upstream.host, reason)
  }
  const timer = setTimeout(
    () => fail(504, `no answer within ${upstream.timeoutMs} ms (EM_TIMEOUT_MS)`),
    upstream.timeoutMs,
  )

  upstreamReq.on('response', (upstreamRes) => {
    clearTimeout(timer)
    if (settled) {
      upstreamRes.resume()
      return
    }
    settled = true
    for (const [name, values] of clientResponseHeaders(upstreamRes.rawHeaders)) res.setHeader(name, values)
    setHeaders(res, apiSecurityHeaders)
    res.setHeader('Cache-Control', 'no-store')
    res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.statusMessage)
    upstreamRes.pipe(res)
    // A body cut short by EM must not look complete to the browser.
    upstreamRes.on('close', () => {
      if (!upstreamRes.complete) res.destroy()
    })
  })
  upstreamReq.on('error', (error) => fail(502, describeUpstreamError(error)))
  res.on('close', () => {
    if (res.writableFinished) return
    settled = true
    clearTimeout(timer)
    upstreamReq.destroy()
  })
  req.pipe(upstreamReq)
}
