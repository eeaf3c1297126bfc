// What an EM role may call, by operation (em-api.md §10, Veeam's v13 REST role table). Each route names its
// operation; `/query` names one per `type`. Roles and their rows live here and nowhere else.
import type { Role } from './accounts.ts'
import { EmError } from './em-error.ts'
import type { LogonEntry } from './logon-registry.ts'

/** The rows of the role table, plus what every signed-in caller may do (`/api/`, logon, its own logon session). */
export const OPERATIONS = [
  'anyone',
  'replicaSessions',
  'backupServers',
  'jobs',
  'replicas',
  'vmReplicaPoints',
] as const
export type Operation = (typeof OPERATIONS)[number]

const ALLOWED: Readonly<Record<Exclude<Role, 'none'>, readonly Operation[]>> = {
  admin: OPERATIONS,
  // em-api.md §10: a Portal User reads sessions, servers, replicas and points, but nothing under /jobs (includes
  // and query?type=Job/ObjectInJob too).
  'portal-user': OPERATIONS.filter((operation) => operation !== 'jobs'),
  // em-api.md §8 (before part two): a Restore Operator gets 403 on anything but `/api/`, logon and its own session.
  restore: ['anyone'],
}

const ROLE_NAMES: Readonly<Record<Exclude<Role, 'none'>, string>> = {
  admin: 'Portal Administrator',
  'portal-user': 'Portal User',
  restore: 'Restore Operator',
}

/** Throws EM's 403 when the caller's role may not perform the operation; anonymous routes pass. */
export function assertAllowed(caller: LogonEntry | undefined, operation: Operation): void {
  if (caller === undefined || caller.role === 'none') return
  if (ALLOWED[caller.role].includes(operation)) return
  throw new EmError(403, `Access denied: the ${ROLE_NAMES[caller.role]} role does not allow this request.`)
}
