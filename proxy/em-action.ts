// One job or server action from the browser to EM (write-policy.ts says which): only from the dashboard's own
// pages (Origin), collect at most once a minute per server, no body, never asked twice; EM's answer goes back
// whole, and the action goes to the action log with the EM user its token belongs to.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ActionLog, ActionRecord } from './action-log.ts'
import { type BufferedAnswer, bufferedRequest, UpstreamFailure } from './buffered-request.ts'
import type { CollectThrottle } from './collect-throttle.ts'
import { errorMessageOf, taskIdOf, userNameOf } from './em-answer-text.ts'
import type { Upstream } from './forward.ts'
import { clientResponseHeaders, headerBytes } from './forward-headers.ts'
import { refuseBody } from './forward-request.ts'
import { sendJson } from './json-response.ts'
import { MAX_FORWARDED_HEADER_BYTES } from './limits.ts'
import { BodyTooLarge, planBody, readBody, tooLarge } from './request-body.ts'
import { apiSecurityHeaders, setHeaders } from './security-headers.ts'
import { retryAfterSeconds } from './throttle.ts'
import { sendUnreachable } from './upstream-error.ts'
import { type EmAction, isOwnOrigin } from './write-policy.ts'

export interface ActionContext {
  upstream: Upstream
  log: ActionLog
  collectThrottle: CollectThrottle
  /** The client's address, for the log. */
  address: string
}

/** Forwards an allowed action, or refuses it (413 with a body, 403 without the dashboard's Origin, 429 for a collect too soon). */
export function forwardAction(
  req: IncomingMessage,
  res: ServerResponse,
  action: EmAction,
  context: ActionContext,
): void {
  // A chunked body is read to its end, to be sure it is empty (an action takes none): framing as request-body.ts.
  const plan = planBody('POST', req.headers, false)
  if (plan.kind === 'refuse') {
    refuseBody(res, plan)
    return
  }
  if (plan.kind === 'none') {
    act(req, res, action, context)
    return
  }
  readBody(req, plan.limit).then(
    () => act(req, res, action, context),
    (error: unknown) => {
      if (error instanceof BodyTooLarge) refuseBody(res, tooLarge(plan.limit, false))
      else res.destroy()
    },
  )
}

function act(req: IncomingMessage, res: ServerResponse, action: EmAction, context: ActionContext): void {
  const refuse = (status: number, body: { error: string; message: string }, headers = {}) => {
    sendJson(res, status, body, headers)
    context.log(record(action, context, { status, answeredBy: 'proxy', message: body.message }))
  }
  // Defence in depth: the EM token travels in a header, which no other site's page can set, but a cross-site
  // request must still never act (README "Job actions").
  if (!isOwnOrigin(single(req.headers.origin), req.headers.host)) {
    refuse(403, {
      error: 'forbidden',
      message: "Actions are accepted only from the dashboard's own pages (Origin)",
    })
    return
  }
  const token = single(req.headers['x-restsvcsessionid'])
  const accept = single(req.headers.accept)
  const headers = {
    ...(accept === undefined ? {} : { accept }),
    ...(token === undefined ? {} : { 'x-restsvcsessionid': token }),
  }
  if (headerBytes(headers) > MAX_FORWARDED_HEADER_BYTES) {
    const message = `the headers for Enterprise Manager are over ${MAX_FORWARDED_HEADER_BYTES} bytes, the proxy's limit`
    refuse(431, { error: 'headers_too_large', message })
    return
  }
  let settle: (status: number) => void = () => {}
  if (action.verb === 'collect') {
    const admission = context.collectThrottle(action.id)
    if (!admission.admitted) {
      const seconds = retryAfterSeconds(admission.waitMs)
      refuse(
        429,
        {
          error: 'too_many_requests',
          message: `Data was collected from this backup server less than a minute ago; try again in ${seconds} s`,
        },
        { 'Retry-After': seconds },
      )
      return
    }
    settle = admission.settle
  }
  // No body, and a length that says so (§13.1: clients send none; HTTP.sys wants a length on a POST).
  const post = { method: 'POST', pathAndQuery: req.url ?? '', headers: { ...headers, 'content-length': '0' } }
  bufferedRequest(context.upstream, post)
    .then((answer) => {
      settle(answer.status)
      sendAnswer(res, answer)
      const text = answer.body.toString('utf8')
      const done = { status: answer.status, answeredBy: 'em' as const }
      const outcome =
        answer.status === 202
          ? { ...done, task: taskIdOf(text), message: null }
          : { ...done, task: null, message: errorMessageOf(text) }
      return whoIs(context.upstream, token, accept).then((user) =>
        context.log(record(action, context, { ...outcome, user })),
      )
    })
    .catch((error: unknown) => {
      const status = error instanceof UpstreamFailure ? error.status : 502
      settle(status)
      const message = error instanceof Error ? error.message : String(error)
      if (!res.headersSent && !res.destroyed) sendUnreachable(res, status, context.upstream.host, message)
      // EM may have acted before the answer was lost: the line says so, and the user is asked for all the same.
      return whoIs(context.upstream, token, accept).then((user) =>
        context.log(record(action, context, { status, answeredBy: 'proxy', message, user })),
      )
    })
}

function record(
  action: EmAction,
  context: ActionContext,
  outcome: Partial<ActionRecord> & Pick<ActionRecord, 'status' | 'answeredBy'>,
): ActionRecord {
  return { action, user: null, task: null, message: null, client: context.address, ...outcome }
}

/**
 * The EM account behind a token: EM's own `GET /api/logonSessions`, which lists only the caller's session (em-api.md
 * §3). Asked at each action rather than remembered from sign-in: the proxy then keeps no map of tokens, knows
 * sessions signed in before it started, and records what EM says at the time. Null when EM does not say.
 */
async function whoIs(upstream: Upstream, token: string | undefined, accept: string | undefined) {
  if (token === undefined) return null
  const answer = await bufferedRequest(upstream, {
    method: 'GET',
    pathAndQuery: '/api/logonSessions',
    headers: { accept: accept ?? 'application/xml', 'x-restsvcsessionid': token },
  }).catch(() => null)
  if (answer === null || answer.status !== 200) return null
  return userNameOf(answer.body.toString('utf8'))
}

function sendAnswer(res: ServerResponse, answer: BufferedAnswer): void {
  if (res.destroyed || res.headersSent) return
  for (const [name, values] of clientResponseHeaders(answer.rawHeaders, { sessionHeader: false })) {
    res.setHeader(name, values)
  }
  setHeaders(res, apiSecurityHeaders)
  res.setHeader('Cache-Control', 'no-store')
  res.setHeader('Content-Length', String(answer.body.length))
  res.writeHead(answer.status, answer.statusMessage)
  res.end(answer.body)
}

function single(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined
}
