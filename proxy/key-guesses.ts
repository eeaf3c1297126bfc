// Kiosk key guesses per client address. Only distinct wrong keys count: a wall with an outdated bookmark sends the
// same wrong key at every refresh, which guesses nothing, and must not lock out the walls sharing its (NAT)
// address. Ten distinct wrong keys are free, then 1 s, 2 s, 4 s … up to 15 minutes; one a minute is forgotten.
import { createThrottle } from './throttle.ts'

const MAX_ADDRESSES = 4096
// Enough to tell a stale bookmark or two from guessing; past it every new key counts (and is not remembered).
const REMEMBERED_PER_ADDRESS = 32

export type KeyGuesses = {
  /** Milliseconds `address` must wait before any key from it is checked again; 0 when it may try now. */
  waitMs(address: string): number
  /** Records a wrong key (by its digest) from `address`; a repeat of one it sent before costs nothing. */
  wrong(address: string, digest: Buffer): void
}

export function createKeyGuesses(now?: () => number): KeyGuesses {
  const throttle = createThrottle({
    burst: 10,
    baseDelayMs: 1000,
    maxDelayMs: 15 * 60_000,
    leakMs: 60_000,
    maxKeys: MAX_ADDRESSES,
    now,
  })
  const sent = new Map<string, Set<string>>()
  return {
    waitMs: (address) => throttle.waitMs(address),
    wrong(address, digest) {
      const short = digest.subarray(0, 8).toString('hex')
      const keys = sent.get(address) ?? new Set<string>()
      if (keys.has(short)) return
      if (keys.size < REMEMBERED_PER_ADDRESS) keys.add(short)
      sent.delete(address)
      sent.set(address, keys)
      for (const oldest of sent.keys()) {
        if (sent.size <= MAX_ADDRESSES) break
        sent.delete(oldest)
      }
      throttle.attempt(address)
    },
  }
}
