import { EmError, notFound } from './em-error.ts'
import type { LogonEntry } from './logon-registry.ts'
import type { EmReply, RouteCall } from './route.ts'

function callerOf(call: RouteCall): LogonEntry {
  if (call.caller === undefined) throw new Error('logonSessions route reached without a caller')
  return call.caller
}

// Only the caller's own session is visible (em-api.md §3): a client deletes `LogonSessions[0]` assuming it is its own.
function ownSession(call: RouteCall): LogonEntry {
  const caller = callerOf(call)
  const id = call.ids[0] ?? ''
  if (caller.record.sessionId === id) return caller
  const { ctx } = call
  if (ctx.logons.byId(id, ctx.now(), ctx.config.sessionTtlSeconds * 1000) !== undefined) {
    throw new EmError(403, 'Access denied: this logon session belongs to another client.')
  }
  throw notFound(`Logon session '${id}' was not found.`)
}

/** `GET /api/logonSessions`: a list holding only the caller's session. */
export function getLogonSessions(call: RouteCall): EmReply {
  return { status: 200, body: { kind: 'logonSessions', sessions: [callerOf(call).record] } }
}

/** `GET /api/logonSessions/{id}`: the caller's own session; another live one → 403, unknown → 404. */
export function getLogonSession(call: RouteCall): EmReply {
  return { status: 200, body: { kind: 'logonSession', session: ownSession(call).record } }
}

/** `DELETE /api/logonSessions/{id}`: logout → 204 without body; the token is dead afterwards. */
export function deleteLogonSession(call: RouteCall): EmReply {
  call.ctx.logons.delete(ownSession(call))
  return { status: 204, body: undefined }
}
