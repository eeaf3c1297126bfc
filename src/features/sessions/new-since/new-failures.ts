// "What failed since you last looked": which sessions count as new, and when "since" moves (pure, unit-tested).
import type { SessionFilter } from '@/em/session-query.ts'

/** The results an admin has to look at; both are "failures" in the line above the table. */
export const FAILURE_RESULTS = ['Failed', 'Warning'] as const

/** Away for less than this (a look at the console, a call) is still the same visit: the marks stay. */
export const SAME_VISIT_MS = 10 * 60_000

/** A session that ended Failed or Warning at or after `since` (the same `>=` the count query sends to EM). */
export function isNewFailure(
  session: { result: string; endTime: number | null },
  since: number | null,
): boolean {
  if (since === null || session.endTime === null || session.endTime < since) return false
  return FAILURE_RESULTS.some((result) => result.toLowerCase() === session.result.toLowerCase())
}

/** EM's filter for the new failures: the count above the table and its "show them". */
export function newFailuresFilter(since: number): SessionFilter {
  return { results: [...FAILURE_RESULTS], endFrom: since }
}

// EM compares whole seconds in the filter text we send (`…T12:40:07Z`): the marks use the same instant.
function toSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000
}

export interface VisitState {
  /** This tab's "new since", if it already has one. */
  tabSince: number | null
  /** When this browser last had the explorer on screen. */
  lastSeen: number | null
  now: number
}

/**
 * Where "new" starts when the explorer comes on screen: a tab keeps its own (reloads and trips to a session's
 * detail do not clear the marks) unless the explorer was off screen for a new visit's worth of time; a first
 * visit of a tab starts from when this browser last saw the explorer; a first visit ever marks nothing.
 */
export function sinceOnShow({ tabSince, lastSeen, now }: VisitState): number | null {
  const away = lastSeen === null ? 0 : now - lastSeen
  if (tabSince !== null && away < SAME_VISIT_MS) return tabSince
  return lastSeen === null ? tabSince : toSecond(lastSeen)
}
