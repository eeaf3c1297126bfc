import type { Agent, IncomingMessage, ServerResponse } from 'node:http'
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { connectionErrorKind, type EmWatch } from './em-watch.ts'
import { clientResponseHeaders } from './forward-headers.ts'
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
  /** Hears how each request to EM ended (metrics, readiness); em-watch.ts. */
  watch?: EmWatch
}

// Logon is the only request that needs Basic credentials (em-api.md §3); elsewhere EM ignores them, so they stay home.
const logonPath = /^\/api\/sessionmngr(\/|$)/i

const bodiless = new Set(['GET', 'HEAD', 'DELETE'])

/** True for EM's logon path (any letter case, em-api.md §4.6), on the guard's decoded path. */
export function isSignInPath(path: string): boolean {
  return logonPath.test(path)
}

/** One vetted request as it goes to EM: the proxy's own headers and, for POST, a body read whole beforehand. */
export type UpstreamRequest = {
  method: string
  pathAndQuery: string
  headers: Record<string, string | string[]>
  /** A POST body (empty for none); null for GET, HEAD and DELETE, which send none. */
  body: Buffer | null
  /** A logon: EM's session header may go back to the browser. */
  signIn: boolean
}

/** Sends one vetted /api request to EM, framed by the proxy, and streams EM's answer back with only the allowed headers; failures become 502/504 JSON, and a client hang-up aborts EM's request. `onStatus` hears EM's status (502/504 when there was none). */
export function forwardToEm(
  res: ServerResponse,
  upstream: Upstream,
  request: UpstreamRequest,
  onStatus: (status: number) => void = () => {},
): void {
  const { origin } = upstream
  const send = origin.protocol === 'https:' ? httpsRequest : httpRequest
  const framing = request.body === null ? {} : { 'content-length': String(request.body.length) }
  const open = () =>
    send({
      hostname: origin.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: origin.port === '' ? undefined : Number(origin.port),
      method: request.method,
      path: (upstream.pathPrefix ?? '') + request.pathAndQuery,
      headers: { host: origin.host, ...request.headers, ...framing },
      agent: upstream.agent,
    })

  let settled = false
  let upstreamReq = open()
  const watched = upstream.watch?.()
  const fail = (status: 502 | 504, reason: string, error?: unknown): void => {
    if (settled) return
    settled = true
    clearTimeout(timer)
    upstreamReq.destroy()
    watched?.failed(status === 504 ? 'timeout' : connectionErrorKind(error))
    onStatus(status)
    if (!res.headersSent && !res.destroyed) sendUnreachable(res, status, upstream.host, reason)
  }
  const timer = setTimeout(
    () => fail(504, `no answer within ${upstream.timeoutMs} ms (EM_TIMEOUT_MS)`),
    upstream.timeoutMs,
  )

  // EM closes idle keep-alive connections (the emulator after Node's 5 s); one closed just as the proxy reuses it
  // fails before EM read a byte of the request. A read or a sign-in is then asked once more on a fresh connection;
  // anything else is not, since EM might have acted on it.
  let retried = false
  const retriable = bodiless.has(request.method) || request.signIn
  const start = (): void => {
    upstreamReq.on('response', (upstreamRes) => answer(upstreamRes))
    upstreamReq.on('error', (error: NodeJS.ErrnoException) => {
      if (!settled && !retried && retriable && upstreamReq.reusedSocket && error.code === 'ECONNRESET') {
        retried = true
        upstreamReq = open()
        start()
        return
      }
      fail(502, describeUpstreamError(error), error)
    })
    upstreamReq.end(request.body ?? undefined)
  }

  const answer = (upstreamRes: IncomingMessage): void => {
    clearTimeout(timer)
    if (settled) {
      upstreamRes.resume()
      return
    }
    settled = true
    watched?.answered(upstreamRes.statusCode ?? 502)
    onStatus(upstreamRes.statusCode ?? 502)
    const allowed = clientResponseHeaders(upstreamRes.rawHeaders, { sessionHeader: request.signIn })
    for (const [name, values] of allowed) res.setHeader(name, values)
    setHeaders(res, apiSecurityHeaders)
    res.setHeader('Cache-Control', 'no-store')
    res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.statusMessage)
    upstreamRes.pipe(res)
    // A body cut short by EM must not look complete to the browser.
    upstreamRes.on('close', () => {
      if (!upstreamRes.complete) res.destroy()
    })
  }
  res.on('close', () => {
    if (res.writableFinished) return
    if (!settled) watched?.abandoned()
    settled = true
    clearTimeout(timer)
    upstreamReq.destroy()
  })
  start()
}
