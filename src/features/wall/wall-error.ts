import { describeEmError } from '@/em/describe-error.ts'
import { roleNeedOf, rolesInWords } from '@/em/em-roles.ts'
import { EmHttpError } from '@/em/errors.ts'

const KEY_HINT = 'Check what follows #key= against EM_KIOSK_KEY.'

/** Words for why the wall cannot refresh, short enough for a banner read across a room. */
export function describeWallError(error: unknown, kiosk: boolean): { title: string; detail: string } {
  if (kiosk && error instanceof EmHttpError && error.status === 403) {
    const proxyWords = error.proxyMessage
    // The proxy's key check says so in its own words; its allowlist's refusal is not about the key, and falls
    // through to those words below.
    if (proxyWords !== null && /\bkey\b/i.test(proxyWords)) {
      return { title: "The wall's requests were refused", detail: `${proxyWords}. ${KEY_HINT}` }
    }
    // A bare 403 may be the key or EM's role for the kiosk account (em-api.md §10); neither body is contractual
    // (§9.12), so the banner names both, the key first.
    if (proxyWords === null) {
      const need = roleNeedOf(error.path)
      const role = need
        ? ` If the key is right, the kiosk account may not read ${need.what}: that needs ${rolesInWords(need.roles)} (the proxy's log says what it may read).`
        : ''
      return { title: "The wall's requests were refused", detail: `${KEY_HINT}${role}` }
    }
  }
  if (kiosk && error instanceof EmHttpError && error.status === 429) {
    return {
      title: 'Too many wrong wall keys',
      detail: `The proxy refused too many wrong keys from this screen’s address and waits before it checks another. ${KEY_HINT}`,
    }
  }
  return describeEmError(error, 'The wall cannot refresh')
}
