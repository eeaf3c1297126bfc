// What an EM role may call, by operation (em-api.md §10, Veeam's v13 REST role table). Each route names its
// operation; `/query` names one per `type`. Roles and their rows live here and nowhere else.
import type { Role } from './accounts.ts'
import { EmError } from './em-error.ts'
import type { LogonEntry } from './logon-registry.ts'

/**
 * The rows of the role table, plus `anyone`: what every signed-in caller may do (`/api/`, logon, its own logon
 * session). `collect` is `POST /backupServers/{ID}?action=collect`, `failover` is `POST
 * /vmReplicaPoints/{ID}?action=failover`; `jobs` covers every `/jobs…` call, its actions and includes included.
 */
export const OPERATIONS = [
  'anyone',
  'replicaSessions',
  'backupServers',
  'collect',
  'jobs',
  'replicas',
  'vmReplicaPoints',
  'failover',
  'tasks',
  'reports',
] as const
export type Operation = (typeof OPERATIONS)[number]

type TableRow = Exclude<Operation, 'anyone'>

// §10's table read by column: each role's "yes" rows. A Portal User may not touch `/jobs…` but may fail over a
// replica and collect from a backup server: no EM role is read-only.
const RESTORE_REPLICAS: readonly TableRow[] = ['replicas', 'vmReplicaPoints', 'failover', 'tasks']
const ROLE_TABLE: Readonly<Record<Role, readonly TableRow[]>> = {
  'portal-admin': [
    'replicaSessions',
    'backupServers',
    'collect',
    'jobs',
    'replicas',
    'vmReplicaPoints',
    'failover',
    'tasks',
    'reports',
  ],
  'portal-user': [
    'replicaSessions',
    'backupServers',
    'collect',
    'replicas',
    'vmReplicaPoints',
    'failover',
    'tasks',
    'reports',
  ],
  'vm-restore-operator': RESTORE_REPLICAS,
  'file-restore-operator': RESTORE_REPLICAS,
  'app-restore-operator': ['tasks'],
}

// `query?type=` per row of §10. Types the table does not list (BackupJobSession, BackupTaskSession, Repository,
// and unknown ones, which then answer 400) count as session reads: [decision] em-api.md §10.
const QUERY_TYPES: Readonly<Record<string, TableRow>> = {
  replicajobsession: 'replicaSessions',
  replicatasksession: 'replicaSessions',
  backupserver: 'backupServers',
  job: 'jobs',
  objectinjob: 'jobs',
  replica: 'replicas',
  vmreplicapoint: 'vmReplicaPoints',
  task: 'tasks',
}

/** The operation a `query?type=…` counts as; the type's letter case is free (em-api.md §4.6). */
export function queryOperation(type: string | undefined): Operation {
  return QUERY_TYPES[type?.toLowerCase() ?? ''] ?? 'replicaSessions'
}

/** Whether an account holding these roles may perform the operation: one role allowing it is enough (§10). */
export function rolesAllow(roles: readonly Role[], operation: Operation): boolean {
  if (operation === 'anyone') return true
  return roles.some((role) => ROLE_TABLE[role].includes(operation))
}

/** Throws EM's 403 "Access denied" (em-api.md §16) when the caller's roles do not allow the operation; anonymous routes pass. */
export function assertAllowed(caller: LogonEntry | undefined, operation: Operation): void {
  if (caller === undefined || rolesAllow(caller.roles, operation)) return
  throw new EmError(403, 'Access denied.')
}
