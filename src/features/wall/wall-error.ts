import { describeEmError } from '@/em/describe-error.ts'
import { roleNeedOf, rolesInWords } from '@/em/em-roles.ts'
import { EmHttpError } from '@/em/errors.ts'

/** Words for why the wall cannot refresh, short enough for a banner read across a room. */
export function describeWallError(error: unknown, kiosk: boolean): { title: string; detail: string } {
  // With a key, a 403 comes from the proxy (wrong key, off the allowlist) or from EM (the kiosk account's role,
  // em-api.md §10); neither body is contractual (§9.12), so the banner names both, the key first.
  if (kiosk && error instanceof EmHttpError && error.status === 403) {
    const need = roleNeedOf(error.path)
    const role = need
      ? ` If the key is right, the kiosk account may not read ${need.what}: that needs ${rolesInWords(need.roles)} (the proxy's log says what it may read).`
      : ''
    return {
      title: "The wall's requests were refused",
      detail: `Check what follows #key= against EM_KIOSK_KEY.${role}`,
    }
  }
  if (kiosk && error instanceof EmHttpError && error.status === 429) {
    return {
      title: 'Too many wrong wall keys',
      detail:
        'The proxy refused too many wrong keys from this screen’s address and waits before it checks another. Check what follows #key= against EM_KIOSK_KEY.',
    }
  }
  return describeEmError(error, 'The wall cannot refresh')
}
