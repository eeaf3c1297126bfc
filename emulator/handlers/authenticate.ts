import type { EmContext } from './context.ts'
import { unauthorized } from './em-error.ts'
import type { LogonEntry } from './logon-registry.ts'

const TOKEN_NAME = 'x-restsvcsessionid'

function cookieToken(cookieHeader: string | undefined): string | undefined {
  if (cookieHeader === undefined) return undefined
  for (const part of cookieHeader.split(';')) {
    const equals = part.indexOf('=')
    if (equals < 0) continue
    if (part.slice(0, equals).trim().toLowerCase() === TOKEN_NAME) return part.slice(equals + 1).trim()
  }
  return undefined
}

/**
 * Resolves the caller's logon session from the token (em-api.md §3): the cookie wins over the header, a Basic
 * header is ignored, and every success restarts the idle timer. Throws a 401 EmError otherwise.
 */
export function authenticate(headers: Record<string, string | undefined>, ctx: EmContext): LogonEntry {
  const token = cookieToken(headers.cookie) ?? headers[TOKEN_NAME]?.trim()
  if (token === undefined || token === '')
    throw unauthorized('Authentication required: no X-RestSvcSessionId.')
  const now = ctx.now()
  const entry = ctx.logons.touch(token, now, ctx.config.sessionTtlSeconds * 1000)
  if (entry === undefined) throw unauthorized('The session is unknown, logged out or expired. Log on again.')
  return entry
}
