// Slows down guessing (passwords, kiosk keys) per key: a few free failures, then each further one doubles the wait.
// Attempts count as failures the moment they start, so a burst sent in parallel is held back as well as a
// sequential one; a caller takes an attempt back (refund) once it turns out not to be a wrong guess. Failures also
// leak away, one per `leakMs`: many people behind one NAT address mistyping now and then never add up to a wait,
// while a guesser who keeps going is held to about one try per `leakMs` once the waits have grown.

export type ThrottleOptions = {
  /** Failures allowed before any wait. */
  burst: number
  /** The first wait after the burst; each further failure doubles it. */
  baseDelayMs: number
  maxDelayMs: number
  /** One failure is forgotten per this much time since the last attempt. */
  leakMs: number
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

  /** Failures still counted at `at`; a key whose failures have all leaked away is dropped. */
  function failuresAt(key: string, at: number): number {
    const state = states.get(key)
    if (state === undefined) return 0
    const left = state.failures - Math.floor((at - state.last) / options.leakMs)
    if (left <= 0) states.delete(key)
    return Math.max(0, left)
  }

  function delayAfter(failures: number): number {
    if (failures < options.burst) return 0
    return Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (failures - options.burst))
  }

  return {
    waitMs(key) {
      const at = now()
      const failures = failuresAt(key, at)
      const last = states.get(key)?.last ?? at
      return Math.max(0, last + delayAfter(failures) - at)
    },
    attempt(key) {
      const at = now()
      const failures = failuresAt(key, at) + 1
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
