import { EmHttpError, EmUnreachableError } from '@/em/errors.ts'

/** What the sign-in form says for each way logon can fail (issue: 401, 403, unreachable, unsupported version). */
export function describeSignInError(error: unknown, emHost: string): string {
  if (error instanceof EmHttpError) {
    if (error.status === 401) {
      return 'Wrong user name or password, or the account has no Enterprise Manager role.'
    }
    if (error.status === 403) {
      // Only the restore-operator roles may log on yet not read replica sessions (em-api.md §10).
      return 'This account may not read replica sessions (Restore Operator). Ask for the Enterprise Manager role Portal User or Portal Administrator.'
    }
    if (error.status === 429) {
      // The proxy's throttle (README "Security"): each further failure doubles the wait, so retrying at once only hurts.
      return 'Too many sign-in attempts from this computer or for this user name. Wait a minute before trying again: each further failure makes the wait longer.'
    }
    if (error.status === 400) {
      return 'This Enterprise Manager does not support REST API version v1_5 or later (Veeam Backup & Replication 10 or newer is needed).'
    }
    return `Enterprise Manager answered ${error.status}${error.emMessage ? `: ${error.emMessage}` : ''}.`
  }
  if (error instanceof EmUnreachableError) {
    return `Cannot reach Enterprise Manager at ${error.host ?? emHost}. Check that it is running and that this server can reach it.`
  }
  return error instanceof Error ? error.message : 'Sign-in failed for an unknown reason.'
}
