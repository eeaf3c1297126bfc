// EM documents no rate limit (em-api.md §15), yet every collect makes EM copy a backup server's data: the proxy
// lets one through per server per minute, for all users together, and answers 429 with Retry-After meanwhile.

export const COLLECT_INTERVAL_MS = 60_000

export type CollectAdmission =
  | { admitted: false; waitMs: number }
  /** `settle` reports EM's status: an answer other than 2xx gives the minute back (nothing was collected). */
  | { admitted: true; settle(status: number): void }

export type CollectThrottle = (serverId: string) => CollectAdmission

/** One throttle per proxy; `now` is for tests. */
export function createCollectThrottle(now: () => number = Date.now): CollectThrottle {
  const last = new Map<string, number>()
  return (serverId) => {
    const at = now()
    const previous = last.get(serverId)
    if (previous !== undefined && at - previous < COLLECT_INTERVAL_MS) {
      return { admitted: false, waitMs: previous + COLLECT_INTERVAL_MS - at }
    }
    // Counted from the moment it is let through, so two at once do not both pass.
    last.set(serverId, at)
    return {
      admitted: true,
      settle: (status) => {
        if ((status < 200 || status > 299) && last.get(serverId) === at) last.delete(serverId)
      },
    }
  }
}
