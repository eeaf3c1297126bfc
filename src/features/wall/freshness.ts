// Honest freshness (STYLE §3.7, §3.8): how old the data on screen is, whether EM is failing, and when the
// next attempt comes. Pure, over the query states the wall polls.

/** The part of a query's state the wall reads (TanStack Query's QueryState has these fields). */
export interface PollState {
  status: 'pending' | 'error' | 'success'
  dataUpdatedAt: number
  errorUpdatedAt: number
  errorUpdateCount: number
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
  /** When this visit started: older data was restored from the browser's store (lib/page-start.ts). */
  pageStartedAt?: number
}

export interface Freshness {
  /** When the oldest piece of data on screen was fetched; null before the first answer. */
  updatedAt: number | null
  /** Data older than twice the refresh interval. */
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
  pageStartedAt = 0,
}: FreshnessInput): Freshness {
  const withData = states.filter((s) => s.dataUpdatedAt > 0)
  const updatedAt = withData.length > 0 ? Math.min(...withData.map((s) => s.dataUpdatedAt)) : null
  const failed = states.filter((s) => s.status === 'error')
  const failing = failed.length > 0
  const stale = updatedAt !== null && now - updatedAt > 2 * refreshMs
  const saved = updatedAt !== null && updatedAt < pageStartedAt
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
