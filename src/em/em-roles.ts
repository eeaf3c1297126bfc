// Which EM roles may read what (em-api.md §10, Veeam's v13 REST role table), for words only. The app never
// decides anything from a role: it asks, and when EM answers 403 it degrades and says which roles the refused
// read needs. No EM role is read-only, and no EM answer names the caller's role.
import { EmHttpError } from './errors.ts'

const PORTAL = ['Portal User', 'Portal Administrator'] as const

// Least privilege first: the first role named is the one to ask for.
const NEEDS: ReadonlyArray<{ what: string; roles: readonly string[]; paths: RegExp; types: RegExp }> = [
  { what: 'jobs', roles: ['Portal Administrator'], paths: /^jobs(\/|$)/, types: /^(job|objectinjob)$/ },
  {
    what: 'replica sessions',
    roles: PORTAL,
    paths: /^(replicasessions|replicatasksessions|repicatasksessions|querysvc)(\/|$)/,
    types: /^replica(job|task)session$/,
  },
  { what: 'backup servers', roles: PORTAL, paths: /^backupservers(\/|$)/, types: /^backupserver$/ },
  { what: 'summary reports', roles: PORTAL, paths: /^reports(\/|$)/, types: /^$/ },
  {
    what: 'replicas and replica points',
    roles: [...PORTAL, 'VM Restore Operator', 'File Restore Operator'],
    paths: /^(replicas|vmreplicapoints)(\/|$)/,
    types: /^(replica|vmreplicapoint)$/,
  },
]

export interface RoleNeed {
  /** What was refused, in words: "jobs". */
  what: string
  /** The EM roles that may read it, least privileged first. */
  roles: readonly string[]
}

/** What an `/api/…` path reads and which roles may read it; null for paths the role table does not name. */
export function roleNeedOf(path: string): RoleNeed | null {
  const url = new URL(path, 'http://dashboard.invalid')
  const rest = url.pathname.replace(/^\/api\/?/i, '').toLowerCase()
  // Parameter names are matched ignoring case, as EM does (§4.6).
  const typeParam = [...url.searchParams].find(([name]) => name.toLowerCase() === 'type')
  const type = rest === 'query' ? (typeParam?.[1] ?? '').toLowerCase() : null
  const need = NEEDS.find((n) => (type === null ? n.paths.test(rest) : type !== '' && n.types.test(type)))
  return need ? { what: need.what, roles: need.roles } : null
}

/** "Portal User or Portal Administrator", "A, B or C". */
export function rolesInWords(roles: readonly string[]): string {
  if (roles.length <= 1) return roles[0] ?? ''
  return `${roles.slice(0, -1).join(', ')} or ${roles.at(-1)}`
}

/** Whether EM refused a read for the account's role (403, em-api.md §16): a reason to degrade, not to fail. */
export function isRoleRefusal(error: unknown): error is EmHttpError {
  return error instanceof EmHttpError && error.status === 403
}
