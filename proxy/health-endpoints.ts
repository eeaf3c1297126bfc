// GET /healthz (the process is up) and GET /readyz (it can do its job: readiness.ts), for load balancers, nginx
// checks and service managers. Small JSON, never cached, with no EM data and no secret: no host, user or token.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { sendJson } from './json-response.ts'
import type { Readiness } from './readiness.ts'

export type HealthEndpoints = { readiness: Readiness; version: string; startedAt: number }

const PATHS = new Set(['/healthz', '/readyz'])

/** True when `path` is one of the health endpoints (answered by answerHealth). */
export function isHealthPath(path: string): boolean {
  return PATHS.has(path)
}

/** Answers /healthz or /readyz; other methods than GET and HEAD get 405. */
export function answerHealth(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  health: HealthEndpoints,
): void {
  const method = req.method ?? 'GET'
  if (method !== 'GET' && method !== 'HEAD') {
    sendJson(
      res,
      405,
      { error: 'method_not_allowed', message: `${path} answers GET and HEAD` },
      { Allow: 'GET, HEAD' },
    )
    return
  }
  if (path === '/healthz') {
    sendJson(res, 200, {
      status: 'ok',
      version: health.version,
      uptimeSeconds: Math.round((Date.now() - health.startedAt) / 1000),
    })
    return
  }
  health.readiness.check().then(
    ({ ready, body }) => sendJson(res, ready ? 200 : 503, body),
    () => sendJson(res, 503, { status: 'not_ready' }),
  )
}
