// One log line and one count per request: the request gets an id (echoed in X-Request-Id, and carried by every
// log line written while it is answered), and when its answer ends the proxy logs method, path, status, time and
// bytes. Nothing secret is logged: no header values, and query values that could hold a secret are replaced.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { clientAddress } from './client-address.ts'
import type { ProxyLog } from './log.ts'
import { type ProxyMetrics, routeOf } from './metrics.ts'
import { requestIdFor, runInRequest } from './request-context.ts'

export type RequestObserver = { log: ProxyLog; metrics: ProxyMetrics; trustedProxies: ReadonlySet<string> }

// An old wall bookmark still carries ?key= (README "Kiosk setup"); no query value by these names is ever logged.
const SECRET_PARAMS = /^(key|token|password|pass|pwd|secret|x-restsvcsessionid|sessionid|auth.*)$/i
// Load balancers ask these every few seconds: logged at debug, counted always.
const QUIET_ROUTES = new Set(['healthz', 'readyz', 'metrics'])

/** Runs `handle` as request `req`'s work (its id in every log line), then logs and counts the answer once it ends. */
export function observeRequest(
  req: IncomingMessage,
  res: ServerResponse,
  observer: RequestObserver,
  handle: () => void,
): void {
  const started = process.hrtime.bigint()
  const peer = (req.socket.remoteAddress ?? '').replace(/^::ffff:/i, '')
  const id = requestIdFor(req.headers['x-request-id'], observer.trustedProxies.has(peer))
  const bytesBefore = req.socket.bytesWritten
  res.setHeader('X-Request-Id', id)
  res.once('close', () => {
    const target = req.url ?? '/'
    const queryAt = target.indexOf('?')
    const path = queryAt === -1 ? target : target.slice(0, queryAt)
    const method = req.method ?? 'GET'
    const route = routeOf(path, req.headers['x-kiosk-key'] !== undefined)
    const status = res.headersSent ? res.statusCode : 0
    const bytes = Math.max(0, req.socket.bytesWritten - bytesBefore)
    observer.metrics.request({ route, method, status }, bytes)
    const fields = {
      reqId: id,
      event: 'request',
      method,
      url: redactQuery(target),
      route,
      status,
      ms: Number((Number(process.hrtime.bigint() - started) / 1e6).toFixed(1)),
      bytes,
      client: clientAddress(req, observer.trustedProxies),
      ...(res.getHeader('x-kiosk-cache') === undefined ? {} : { kioskCache: res.getHeader('x-kiosk-cache') }),
      ...(res.writableFinished ? {} : { aborted: true }),
    }
    const line = `${method} ${path} ${status}`
    if (QUIET_ROUTES.has(route)) observer.log.debug(fields, line)
    else observer.log.info(fields, line)
  })
  runInRequest(id, handle)
}

/** The request target with the value of every secret-looking query parameter replaced. */
export function redactQuery(target: string): string {
  const queryAt = target.indexOf('?')
  if (queryAt === -1) return target
  const parts = target
    .slice(queryAt + 1)
    .split('&')
    .map((part) => {
      const equals = part.indexOf('=')
      const name = equals === -1 ? part : part.slice(0, equals)
      let decoded = name
      try {
        decoded = decodeURIComponent(name)
      } catch {
        // A malformed name is judged as written.
      }
      return equals !== -1 && SECRET_PARAMS.test(decoded) ? `${name}=[redacted]` : part
    })
  return `${target.slice(0, queryAt)}?${parts.join('&')}`
}
