import { checkBasic } from './accounts.ts'
import { badRequest, unauthorized } from './em-error.ts'
import type { EmReply, RouteCall } from './route.ts'

// What current EM advertises, plus `latest` and no `v` at all (em-api.md §2).
const ACCEPTED_VERSIONS = ['latest', 'v1_5', 'v1_6', 'v1_7']

/** `POST /api/sessionMngr/?v=…`: Basic logon → 201 with the token in a header and a cookie (em-api.md §3). */
export function postLogon(call: RouteCall): EmReply {
  const { ctx } = call
  const user = checkBasic(call.headers.authorization, ctx.config.users)
  // An account without an EM role is refused like bad credentials (§3).
  if (user === undefined || user.roles.length === 0)
    throw unauthorized('Logon failed: wrong user name or password.')
  const version = call.params.get('v')
  if (version !== undefined && !ACCEPTED_VERSIONS.includes(version.toLowerCase())) {
    throw badRequest(`API version '${version}' is not supported. Supported: v1_5, v1_6, v1_7, latest.`)
  }
  const now = ctx.now()
  ctx.logons.prune(now, ctx.config.sessionTtlSeconds * 1000)
  const entry = ctx.logons.create(user.name, user.roles, now)
  const token = entry.record.token
  return {
    status: 201,
    body: { kind: 'logonSession', session: entry.record },
    headers: { 'X-RestSvcSessionId': token, 'Set-Cookie': `X-RestSvcSessionId=${token}; Path=/api;` },
  }
}
