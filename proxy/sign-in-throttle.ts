// Online password guessing through the proxy: every sign-in is counted against the client's address and against
// the user name it tries, and either being over its limit answers 429 before anything reaches EM. The proxy's own
// kiosk logon never passes through here (kiosk-session.ts talks to EM directly), so it cannot be locked out by it.
import { createThrottle, type Throttle } from './throttle.ts'

const MINUTE = 60_000

// A person mistypes a few times; a script does not stop. Ten failures per address and five per user name are
// free, then 1 s, 2 s, 4 s … up to 15 minutes. An address forgets a failure a minute (an office behind one NAT
// address mistyping now and then never waits), a user name one every ten minutes.
const shared = { baseDelayMs: 1000, maxDelayMs: 15 * MINUTE, maxKeys: 10_000 }
export const SIGN_IN_BURST_PER_ADDRESS = 10
export const SIGN_IN_BURST_PER_USER = 5

export type SignInAdmission =
  | { admitted: false; waitMs: number }
  | {
      admitted: true /** Reports EM's status for this sign-in (502/504 when EM gave none). */
      settle(status: number): void
    }

export type SignInThrottle = (address: string, authorization: string | undefined) => SignInAdmission

/** One throttle per proxy; `now` is for tests. */
export function createSignInThrottle(now?: () => number): SignInThrottle {
  const byAddress: Throttle = createThrottle({
    ...shared,
    burst: SIGN_IN_BURST_PER_ADDRESS,
    leakMs: MINUTE,
    now,
  })
  const byUser: Throttle = createThrottle({
    ...shared,
    burst: SIGN_IN_BURST_PER_USER,
    leakMs: 10 * MINUTE,
    now,
  })
  return (address, authorization) => {
    const user = userKey(authorization)
    const waitMs = Math.max(byAddress.waitMs(address), byUser.waitMs(user))
    if (waitMs > 0) return { admitted: false, waitMs }
    byAddress.attempt(address)
    byUser.attempt(user)
    return {
      admitted: true,
      settle: (status) => {
        if (status >= 200 && status <= 299) {
          // A right password: the person is in. Their address keeps what others from it failed.
          byAddress.refund(address)
          byUser.forget(user)
        } else if (status >= 500) {
          // EM (or the way to it) failed: the password was never judged, so the attempt is no guess.
          byAddress.refund(address)
          byUser.refund(user)
        }
      },
    }
  }
}

/**
 * The account a Basic header names, folded so spellings of one AD account share a limit: `CORP\alice`,
 * `alice@corp.example` and `ALICE` are all `alice`. A header that is not Basic counts as one nameless user.
 */
export function userKey(authorization: string | undefined): string {
  const match = /^\s*basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization ?? '')
  if (match?.[1] === undefined) return ''
  const decoded = Buffer.from(match[1], 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  const name = colon === -1 ? decoded : decoded.slice(0, colon)
  const withoutDomain = name.slice(name.lastIndexOf('\\') + 1)
  const at = withoutDomain.indexOf('@')
  return (at === -1 ? withoutDomain : withoutDomain.slice(0, at)).trim().toLowerCase()
}
