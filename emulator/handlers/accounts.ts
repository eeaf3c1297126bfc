// EM accounts the emulator accepts at logon (em-api.md §3), each holding the REST roles of §10 it was given.

/** The REST roles of em-api.md §10; `app-restore-operator` is the Exchange/Oracle/SQL Restore Operator. */
export const ROLES = [
  'portal-admin',
  'portal-user',
  'vm-restore-operator',
  'file-restore-operator',
  'app-restore-operator',
] as const
export type Role = (typeof ROLES)[number]

// Older spellings keep working in --users lists. `restore` is the web UI's one "Restore Operator", which §10
// does not map onto the REST roles: [decision] it holds all three restore-operator roles (em-api.md §10).
const ALIASES: Readonly<Record<string, readonly Role[]>> = {
  admin: ['portal-admin'],
  restore: ['vm-restore-operator', 'file-restore-operator', 'app-restore-operator'],
  none: [],
}

export interface EmUser {
  name: string
  password: string
  /** Every role the account holds (§10: an account may hold several); none at all → logon 401 (§3). */
  roles: readonly Role[]
}

export const DEFAULT_USERS: readonly EmUser[] = [
  { name: 'admin', password: 'admin', roles: ['portal-admin'] },
]

function isRole(word: string): word is Role {
  return (ROLES as readonly string[]).includes(word)
}

function rolesOf(word: string): readonly Role[] | undefined {
  return isRole(word) ? [word] : ALIASES[word]
}

/** The roles a `role+role…` suffix names; undefined when it is not a role list (then it is part of the password). */
function parseRoles(suffix: string, entry: string): readonly Role[] | undefined {
  const words = suffix.split('+')
  const known = words.map(rolesOf)
  if (known.every((roles) => roles === undefined)) return undefined
  const unknown = words.find((_, index) => known[index] === undefined)
  if (unknown !== undefined) throw new Error(`Bad user entry '${entry}': unknown role '${unknown}'.`)
  if (words.length > 1 && words.includes('none'))
    throw new Error(`Bad user entry '${entry}': 'none' cannot be combined with a role.`)
  return [...new Set(known.flatMap((roles) => roles ?? []))]
}

/**
 * Parses `user:pass[:role[+role…]],...`; the user ends at the first `:`, a trailing `:role` list is the roles
 * (default portal-admin). Roles are those of §10 plus the aliases `admin`, `restore` and `none`.
 */
export function parseUsers(text: string): EmUser[] {
  return text.split(',').map((entry) => {
    const colon = entry.indexOf(':')
    if (colon <= 0) throw new Error(`Bad user entry '${entry}': expected user:pass[:role[+role…]].`)
    const name = entry.slice(0, colon)
    const rest = entry.slice(colon + 1)
    const last = rest.lastIndexOf(':')
    const roles = last >= 0 ? parseRoles(rest.slice(last + 1), entry) : undefined
    if (roles === undefined) return { name, password: rest, roles: ['portal-admin'] }
    return { name, password: rest.slice(0, last), roles }
  })
}

/** Returns the configured account matching a Basic `Authorization` header, or undefined. */
export function checkBasic(header: string | undefined, users: readonly EmUser[]): EmUser | undefined {
  const match = /^basic\s+(\S+)\s*$/i.exec(header ?? '')
  const encoded = match?.[1]
  if (encoded === undefined) return undefined
  const decoded = Buffer.from(encoded, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) return undefined
  const name = decoded.slice(0, colon)
  const password = decoded.slice(colon + 1)
  // Names match exactly as configured, so `DOMAIN\user` and `user@domain` stay distinct accounts.
  return users.find((user) => user.name === name && user.password === password)
}
