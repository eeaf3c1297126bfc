// Slows down guessing (passwords, kiosk keys) per key: a few free failures, then each further one doubles the wait.
// Attempts count as failures the moment they start, so a burst sent in parallel is held back as well as a
// sequential one; a caller takes an attempt back (refund) once it turns out not to be a wrong guess.

export type ThrottleOptions = {
  /** Failures allowed before any wait. */
  burst: number
  /** The first wait after the burst; each further failure doubles it. */
  baseDelayMs: number
  maxDelayMs: number
  /** A key that has not failed for this long starts afresh. */
  forgetAfterMs: number
  /** Most keys remembered; beyond it the longest-quiet ones are dropped (bounded memory under a spray of names). */
  maxKeys: number
  now?: () => number
}

export type Throttle = {
  /** Milliseconds `key` must wait before its next attempt; 0 when it may try now. */
  waitMs(key: string): number
  /** Counts one attempt against `key`, as a failure until refunded. */
  attempt(key: string): void
  /** Takes back one attempt: it succeeded, or EM never judged it. */
  refund(key: string): void
  /** Forgets everything about `key` (a user who just signed in). */
  forget(key: string): void
}

type State = { failures: number; last: number }

/** A throttle over string keys (client addresses, user names). */
export function createThrottle(options: ThrottleOptions): Throttle {
  const now = options.now ?? Date.now
  const states = new Map<string, State>()

  function current(key: string, at: number): State | undefined {
    const state = states.get(key)
    if (state !== undefined && at - state.last > options.forgetAfterMs) {
      states.delete(key)
      return undefined
    }
    return state
  }

  function delayAfter(failures: number): number {
    if (failures < options.burst) return 0
    return Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (failures - options.burst))
  }

  return {
    waitMs(key) {
      const at = now()
      const state = current(key, at)
      if (state === undefined) return 0
      return Math.max(0, state.last + delayAfter(state.failures) - at)
    },
    attempt(key) {
      const at = now()
      const failures = (current(key, at)?.failures ?? 0) + 1
      // Re-inserting keeps the map in order of last activity, so the oldest quiet key is the first one.
      states.delete(key)
      states.set(key, { failures, last: at })
      for (const oldest of states.keys()) {
        if (states.size <= options.maxKeys) break
        states.delete(oldest)
      }
    },
    refund(key) {
      const state = states.get(key)
      if (state === undefined) return
      if (state.failures <= 1) states.delete(key)
      else state.failures -= 1
    },
    forget(key) {
      states.delete(key)
    },
  }
}

/** Whole seconds for a Retry-After header, at least 1. */
export function retryAfterSeconds(waitMs: number): string {
  return String(Math.max(1, Math.ceil(waitMs / 1000)))
}
