// Whose data a persisted cache holds: one store entry per EM host and per signed-in EM user, or per EM host for
// kiosk walls (the proxy's wall account; the key itself is a secret and never part of a storage key).
import { kioskKeyFromFragment } from '@/em/kiosk-key.ts'
import type { EmSession } from '@/em/session-token.ts'

export type CachePrincipal = { kind: 'user'; name: string } | { kind: 'kiosk' }

const PREFIX = 'query-cache'

function hostPrefix(emHost: string): string {
  return `${PREFIX}/${encodeURIComponent(emHost)}/`
}

/** The storage key of one scope. */
export function cacheKeyOf(emHost: string, principal: CachePrincipal): string {
  const who = principal.kind === 'kiosk' ? 'kiosk' : `user/${encodeURIComponent(principal.name)}`
  return `${hostPrefix(emHost)}${who}`
}

/** True for a signed-in user's entry (any host): what a sign-out or a user change drops. */
export function isUserCacheKey(key: string): boolean {
  return key.startsWith(`${PREFIX}/`) && key.includes('/user/')
}

/**
 * Who the page's EM requests speak for: a wall opened with a kiosk key (`#key=` on /wall) is the kiosk whoever is
 * signed in (em-get.ts lets the key win), otherwise the signed-in user, otherwise nobody (nothing is restored).
 */
export function principalOf(
  location: { pathname: string; hash: string },
  session: EmSession | null,
): CachePrincipal | null {
  if (location.pathname === '/wall' && kioskKeyFromFragment(location.hash) !== null) return { kind: 'kiosk' }
  return session ? { kind: 'user', name: session.userName } : null
}
