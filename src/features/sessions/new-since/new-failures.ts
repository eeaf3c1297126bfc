// "What failed since you last looked": which sessions count as new, and when "since" moves (pure, unit-tested).
//
// "Since" is not the browser's clock: EM copies sessions from the backup servers every 15 minutes (em-api.md §15),
// so a session that ended at 12:35 may first show at 12:45, and EM's clock may differ from this browser's. What
// the user had seen is "every failure up to the newest one EM had reported", so a mark keeps that session's end
// (EM's time, `after`) beside the browser's time of the look (`at`, for people). Collections copy every server at
// once, so a failure that EM had not reported by then cannot have ended before that newest one.
import type { SessionFilter, SessionQuery } from '@/em/session-query-path.ts'
import type { SeenMark } from '@/lib/preferences.ts'

/** The results an admin has to look at; both are "failures" in the line above the table. */
export const FAILURE_RESULTS = ['Failed', 'Warning'] as const

/** Away for less than this (a look at the console, a call) is still the same visit: the marks stay. */
export const SAME_VISIT_MS = 10 * 60_000

/** The newest failure EM reports, by its end: what "everything seen up to here" is measured with. */
export const NEWEST_FAILURE: SessionQuery = {
  filter: { results: [...FAILURE_RESULTS] },
  sort: { field: 'EndTime', dir: 'desc' },
  page: 1,
  pageSize: 1,
}

/** A session that ended Failed or Warning after the mark (the same test the count query asks EM). */
export function isNewFailure(
  session: { result: string; endTime: number | null },
  since: SeenMark | null,
): boolean {
  if (since === null || session.endTime === null || session.endTime <= since.after) return false
  return FAILURE_RESULTS.some((result) => result.toLowerCase() === session.result.toLowerCase())
}

/** EM's filter for the new failures: the count above the table and its "show them". */
export function newFailuresFilter(since: SeenMark): SessionFilter {
  // EM compares to the millisecond we send; the mark's own session ended at `after`, so the next one counts.
  return { results: [...FAILURE_RESULTS], endFrom: since.after + 1 }
}

/**
 * The mark for a look at the list now: the newest failure EM reports, or when it reports none (or has not
 * answered yet) the previous mark's, or failing that this browser's clock.
 */
export function markNow(
  now: number,
  newestEnd: number | null | undefined,
  previous: SeenMark | null,
): SeenMark {
  return { at: now, after: newestEnd ?? previous?.after ?? now }
}

export interface VisitState {
  /** This tab's "new since", if it already has one. */
  tabSince: SeenMark | null
  /** When this browser last had the explorer on screen. */
  lastSeen: SeenMark | null
  now: number
}

/**
 * Where "new" starts when the explorer comes on screen: a tab keeps its own (reloads and trips to a session's
 * detail do not clear the marks) unless the explorer was off screen for a new visit's worth of time; a first
 * visit of a tab starts from when this browser last saw the explorer; a first visit ever marks nothing.
 */
export function sinceOnShow({ tabSince, lastSeen, now }: VisitState): SeenMark | null {
  const away = lastSeen === null ? 0 : now - lastSeen.at
  if (tabSince !== null && away < SAME_VISIT_MS) return tabSince
  return lastSeen ?? tabSince
}
