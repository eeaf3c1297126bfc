import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ActionLog } from './action-log.ts'
import { clientAddress } from './client-address.ts'
import { type CollectThrottle, createCollectThrottle } from './collect-throttle.ts'
import type { DashboardConfig } from './config-document.ts'
import { forwardAction } from './em-action.ts'
import { isSignInPath, type Upstream } from './forward.ts'
import { forwardRequest, refuseBody } from './forward-request.ts'
import { answerHealth, type HealthEndpoints, isHealthPath } from './health-endpoints.ts'
import { sendJson } from './json-response.ts'
import { KIOSK_KEY_HEADER, type KioskHandler } from './kiosk.ts'
import { planBody } from './request-body.ts'
import { forwardedMethods, guardRequest, namesAction } from './request-guard.ts'
import { observeRequest, type RequestObserver } from './request-observer.ts'
import { pageSecurityHeaders, setHeaders } from './security-headers.ts'
import { createSignInThrottle, type SignInThrottle } from './sign-in-throttle.ts'
import { classifyWrite, type WriteVerdict } from './write-policy.ts'

/** A connect-style middleware, as Vite's dev and preview servers (and a plain node:http server) take it. */
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void

const configPath = '/dashboard-config.json'

/** Serves the config document, forwards /api to EM, refuses unsafe requests, and hands everything else to `next` with the page security headers set. */
export function createProxyMiddleware(options: {
  upstream: Upstream
  config: DashboardConfig
  contentSecurityPolicy: boolean
  /** Answers /api requests that carry X-Kiosk-Key; without it they get 403. */
  kiosk?: KioskHandler
  /** Peers whose X-Forwarded-For names the client (TRUSTED_PROXIES). */
  trustedProxies?: ReadonlySet<string>
  signInThrottle?: SignInThrottle
  /** /healthz and /readyz; without it those paths go to the app like any other. */
  health?: HealthEndpoints
  /** Logs and counts each request (request-observer.ts); off in Vite dev, where every module is a request. */
  observer?: RequestObserver
  /** Where every job and server action is written (action-log.ts); none in tests that do not look. */
  actionLog?: ActionLog
  collectThrottle?: CollectThrottle
}): Middleware {
  const pageHeaders = pageSecurityHeaders({ contentSecurityPolicy: options.contentSecurityPolicy })
  const trusted = options.trustedProxies ?? new Set<string>()
  const signInThrottle = options.signInThrottle ?? createSignInThrottle()
  const { observer } = options
  const actionLog = options.actionLog ?? (() => {})
  const collectThrottle = options.collectThrottle ?? createCollectThrottle()
  const answer: Middleware = (req, res, next) => {
    const method = req.method ?? 'GET'
    const target = req.url ?? '/'
    const verdict = guardRequest(method, target)
    const address = clientAddress(req, trusted)
    const write: WriteVerdict = verdict.kind === 'forward' ? classifyWrite(method, verdict) : { kind: 'read' }
    // Every refusal of something that would act on EM is on the action log, whoever refused it and why.
    const refused = (status: number, message: string) =>
      logRefusedAction(actionLog, { method, target, write, status, message, client: address })
    if (verdict.kind !== 'app') {
      // Before anything else, kiosk requests included: a body where EM takes none is how requests get smuggled.
      const plan = planBody(method, req.headers, verdict.kind === 'forward' && isSignInPath(verdict.path))
      if (plan.kind === 'refuse') {
        refused(plan.status, plan.message)
        refuseBody(res, plan)
        return
      }
    }
    // A kiosk request never reaches EM with the browser's own headers: the kiosk handler decides, 403 by default.
    if (verdict.kind !== 'app' && req.headers[KIOSK_KEY_HEADER] !== undefined) {
      // A wall is read-only whatever its account may do (em-api.md §10): the kiosk handler refuses every non-GET.
      if (method !== 'GET') refused(403, 'Kiosk access is read-only: GET only')
      // A read naming `?action=` (refused for everyone by the guard) is an attempt to act as well.
      else if (verdict.kind === 'refuse') refused(403, verdict.message)
      if (options.kiosk) options.kiosk(req, res, verdict, address)
      else sendJson(res, 403, { error: 'forbidden', message: 'Kiosk mode is off on this proxy' })
      return
    }
    if (verdict.kind === 'refuse') {
      refused(verdict.status, verdict.message)
      const methodRefused = verdict.status === 405
      sendJson(
        res,
        verdict.status,
        { error: methodRefused ? 'method_not_allowed' : 'bad_request', message: verdict.message },
        methodRefused ? { Allow: forwardedMethods.join(', ') } : {},
      )
      return
    }
    if (verdict.kind === 'forward') {
      if (write.kind === 'refuse') {
        refused(403, write.message)
        sendJson(res, 403, { error: 'forbidden', message: write.message })
      } else if (write.kind === 'action')
        forwardAction(req, res, write.action, {
          upstream: options.upstream,
          log: actionLog,
          collectThrottle,
          address,
        })
      else forwardRequest(req, res, verdict, { upstream: options.upstream, signInThrottle, address })
      return
    }
    if ((method === 'GET' || method === 'HEAD') && pathOf(target) === configPath) {
      sendJson(res, 200, options.config)
      return
    }
    if (options.health && isHealthPath(pathOf(target))) {
      answerHealth(req, res, pathOf(target), options.health)
      return
    }
    setHeaders(res, pageHeaders)
    next()
  }
  if (observer === undefined) return answer
  return (req, res, next) => observeRequest(req, res, observer, () => answer(req, res, next))
}

/** A request the proxy refused, as the action log's line when it would have acted on EM; reads and sign-ins are not. */
function logRefusedAction(
  log: ActionLog,
  refusal: {
    method: string
    target: string
    write: WriteVerdict
    status: number
    message: string
    client: string
  },
): void {
  const { method, target, write, status, message, client } = refusal
  const action = write.kind === 'action' ? write.action : null
  if (action === null && !wouldAct(method, target, write)) return
  const request = action === null ? { request: `${method} ${target}` } : {}
  log({ action, ...request, user: null, client, status, answeredBy: 'proxy', task: null, message })
}

/** Whether a request would have changed something in EM: a write under /api/ other than sign-in and sign-out, or a read naming an action. */
function wouldAct(method: string, target: string, write: WriteVerdict): boolean {
  if (write.kind === 'refuse') return true
  if (write.kind === 'sign-in' || write.kind === 'sign-out' || !target.startsWith('/api')) return false
  return (method !== 'GET' && method !== 'HEAD' && method !== 'CONNECT') || namesAction(target)
}

function pathOf(target: string): string {
  const queryAt = target.indexOf('?')
  return queryAt === -1 ? target : target.slice(0, queryAt)
}
