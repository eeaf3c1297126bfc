// Everything between the guard's "forward" verdict and EM: the body's framing and size, the size of the headers
// that would go on, sign-in throttling, and only then one request to EM that the proxy frames itself.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { forwardToEm, isSignInPath, type Upstream } from './forward.ts'
import { headerBytes, upstreamRequestHeaders } from './forward-headers.ts'
import { sendJson } from './json-response.ts'
import { MAX_FORWARDED_HEADER_BYTES } from './limits.ts'
import { type BodyPlan, BodyTooLarge, planBody, readBody, tooLarge } from './request-body.ts'
import type { SignInThrottle } from './sign-in-throttle.ts'
import { retryAfterSeconds } from './throttle.ts'

export type ForwardContext = { upstream: Upstream; signInThrottle: SignInThrottle }

/** Forwards one request the guard approved, or answers 400, 413, 429 or 431 without anything reaching EM. */
export function forwardRequest(
  req: IncomingMessage,
  res: ServerResponse,
  target: { pathAndQuery: string; path: string },
  context: ForwardContext & { address: string },
): void {
  const method = req.method ?? 'GET'
  const signIn = method === 'POST' && isSignInPath(target.path)
  const plan = planBody(method, req.headers, signIn)
  if (plan.kind === 'refuse') {
    refuseBody(res, plan)
    return
  }
  const headers = upstreamRequestHeaders(req.headers, { allowAuthorization: signIn })
  if (headerBytes(headers) > MAX_FORWARDED_HEADER_BYTES) {
    sendJson(res, 431, {
      error: 'headers_too_large',
      message: `the headers for Enterprise Manager are over ${MAX_FORWARDED_HEADER_BYTES} bytes, the proxy's limit`,
    })
    return
  }

  const send = (body: Buffer | null): void => {
    let settle: (status: number) => void = () => {}
    if (signIn) {
      const admission = context.signInThrottle(context.address, req.headers.authorization)
      if (!admission.admitted) {
        sendJson(
          res,
          429,
          {
            error: 'too_many_attempts',
            message: 'Too many sign-in attempts from this address or for this user name; wait and try again',
          },
          { 'Retry-After': retryAfterSeconds(admission.waitMs) },
        )
        return
      }
      settle = admission.settle
    }
    forwardToEm(
      res,
      context.upstream,
      { method, pathAndQuery: target.pathAndQuery, headers, body, signIn },
      settle,
    )
  }

  // A POST always says its length, 0 included, as EM's logon does (em-api.md §3; HTTP.sys answers 411 to a POST
  // without one); GET, HEAD and DELETE send no body and no length (planBody refused any).
  if (plan.kind === 'none') {
    send(method === 'POST' ? Buffer.alloc(0) : null)
    return
  }
  readBody(req, plan.limit).then(send, (error: unknown) => {
    if (error instanceof BodyTooLarge) refuseBody(res, tooLarge(plan.limit, signIn))
    else res.destroy()
  })
}

/** Refuses a request over its body; the connection closes, so an unread body is never read as a next request. */
export function refuseBody(res: ServerResponse, plan: BodyPlan & { kind: 'refuse' }): void {
  if (res.headersSent || res.destroyed) return
  sendJson(res, plan.status, { error: plan.error, message: plan.message }, { Connection: 'close' })
}
