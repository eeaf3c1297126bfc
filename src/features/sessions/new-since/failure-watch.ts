// Which failed sessions are news to this tab: the first answer only teaches what already failed, every later
// answer's unknown sessions are new (once each). Pure; the notifier keeps `known` and shows the new ones.
import type { SessionQuery } from '@/em/session-query-path.ts'

/** The newest failed sessions by end: more than fail between two refreshes, so nothing new is pushed off it. */
export const LATEST_FAILED: SessionQuery = {
  filter: { results: ['Failed'] },
  sort: { field: 'EndTime', dir: 'desc' },
  page: 1,
  pageSize: 25,
}

export function newlyFailed<T extends { uid: string }>(
  known: ReadonlySet<string> | null,
  latest: readonly T[],
): { known: Set<string>; fresh: T[] } {
  const next = new Set(known ?? [])
  const fresh = known === null ? [] : latest.filter((session) => !known.has(session.uid))
  for (const session of latest) next.add(session.uid)
  return { known: next, fresh }
}
