// Honest freshness (STYLE §3.7, §3.8): how old the data on screen is, whether EM is failing, and when the
// next attempt comes. Pure, over the query states the wall polls.

/** The part of a query's state the wall reads (TanStack Query's QueryState has these fields). */
export interface PollState {
  status: 'pending' | 'error' | 'success'
  dataUpdatedAt: number
  errorUpdatedAt: number
  errorUpdateCount: number
  /** The answer, when it says how old it already was on arrival (a kiosk proxy's shared copy, X-Kiosk-Age). */
  data?: { ageMs?: number } | undefined
}

// After failures the wall backs off to at most four refresh intervals, so a long outage is not a load test.
const MAX_BACKOFF_FACTOR = 4

/** Milliseconds until the next poll: the refresh interval, stretched while EM keeps failing. */
export function pollIntervalMs(refreshMs: number, state: PollState): number {
  if (state.status !== 'error') return refreshMs
  const failingFor =
    state.dataUpdatedAt > 0 ? state.errorUpdatedAt - state.dataUpdatedAt : state.errorUpdateCount * refreshMs
  return Math.min(refreshMs * MAX_BACKOFF_FACTOR, Math.max(refreshMs, failingFor / 2))
}

export interface FreshnessInput {
  states: readonly PollState[]
  fetching: boolean
  refreshMs: number
  now: number
  /**
   * How old an answer may normally be on arrival: in kiosk mode the proxy serves its shared copy until it is one
   * interval old, and past that at once while it refreshes it (stale-while-revalidate). 0 without a proxy copy.
   */
  sharedCopyMs?: number
  /** When this visit started: older data was restored from the browser's store (lib/page-start.ts). */
  pageStartedAt?: number
}

export interface Freshness {
  /** When EM gave the oldest piece of data on screen (its arrival less its age); null before the first answer. */
  updatedAt: number | null
  /** Data older than the maximum staleness: twice the refresh interval, plus `sharedCopyMs`. */
  stale: boolean
  /** The oldest data on screen is an earlier visit's, restored from the browser while EM is asked again. */
  saved: boolean
  /** The latest refresh failed (the data on screen is the last good one). */
  failing: boolean
  /** When the next poll is due (after a failure: with backoff); null while one is running or none is known. */
  nextAttemptAt: number | null
  connection: 'connecting' | 'saved' | 'live' | 'waiting' | 'failing'
}

/** Freshness of several polled queries taken together: the oldest data and the latest failure count. */
export function freshnessOf({
  states,
  fetching,
  refreshMs,
  now,
  sharedCopyMs = 0,
  pageStartedAt = 0,
}: FreshnessInput): Freshness {
  const withData = states.filter((s) => s.dataUpdatedAt > 0)
  const givenAt = withData.map((s) => s.dataUpdatedAt - (s.data?.ageMs ?? 0))
  const updatedAt = givenAt.length > 0 ? Math.min(...givenAt) : null
  const failed = states.filter((s) => s.status === 'error')
  const failing = failed.length > 0
  const stale = updatedAt !== null && now - updatedAt > 2 * refreshMs + sharedCopyMs
  // By arrival, not by when EM gave it: a kiosk proxy's shared copy is older than this visit, yet this visit's.
  const saved = withData.some((s) => s.dataUpdatedAt < pageStartedAt)
  const nextAttemptAt = fetching ? null : nextAttempt(failing ? failed : states, refreshMs)
  const connection = failing
    ? 'failing'
    : updatedAt === null
      ? 'connecting'
      : saved
        ? 'saved'
        : stale && fetching
          ? 'waiting'
          : 'live'
  return { updatedAt, stale, saved, failing, nextAttemptAt, connection }
}

function nextAttempt(states: readonly PollState[], refreshMs: number): number | null {
  const due = states
    .filter((s) => s.dataUpdatedAt > 0 || s.errorUpdatedAt > 0)
    .map((s) => Math.max(s.dataUpdatedAt, s.errorUpdatedAt) + pollIntervalMs(refreshMs, s))
  return due.length > 0 ? Math.min(...due) : null
}
