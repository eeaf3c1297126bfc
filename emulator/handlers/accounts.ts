// EM accounts the emulator accepts at logon (em-api.md §3): a role decides what the token may touch.

export const ROLES = ['admin', 'portal-user', 'restore', 'none'] as const
export type Role = (typeof ROLES)[number]

export interface EmUser {
  name: string
  password: string
  role: Role
}

export const DEFAULT_USERS: readonly EmUser[] = [{ name: 'admin', password: 'admin', role: 'admin' }]

function isRole(text: string): text is Role {
  return (ROLES as readonly string[]).includes(text)
}

/** Parses `user:pass[:role],...`; the user ends at the first `:`, a trailing `:admin|portal-user|restore|none` is the role. */
export function parseUsers(text: string): EmUser[] {
  return text.split(',').map((entry) => {
    const colon = entry.indexOf(':')
    if (colon <= 0) throw new Error(`Bad user entry '${entry}': expected user:pass[:role].`)
    const name = entry.slice(0, colon)
    let password = entry.slice(colon + 1)
    let role: Role = 'admin'
    const last = password.lastIndexOf(':')
    const suffix = password.slice(last + 1)
    if (last >= 0 && isRole(suffix)) {
      role = suffix
      password = password.slice(0, last)
    }
    return { name, password, role }
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
