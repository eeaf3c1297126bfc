// What the wall asks EM. Every query URL is free of "now": relative windows (created=24h) are applied here in
// the browser, so query keys never change between refreshes (a failed refresh keeps its data, STYLE §3.7) and
// every screen with the same bookmark sends byte-identical requests the proxy can coalesce.
import type { ReplicaJobSession } from '@/em/parse-session.ts'
import type { SessionFilter, SessionQuery } from '@/em/session-query-path.ts'
import { RUNNING_STATES } from '@/em/session-status.ts'
import { type SessionSearch, toSessionFilter } from '@/em/session-url-filter.ts'

// EM's page-size cap (em-api.md §4.1): the newest 1000 sessions cover a day of almost any installation;
// when they do not, the wall says how far back its numbers reach.
export const RECENT_PAGE_SIZE = 1000
export const RUNNING_PAGE_SIZE = 100

const NEWEST_FIRST = { field: 'CreationTime', dir: 'desc' } as const

export interface WallQueries {
  /** The newest sessions matching the whole filter: list, chart and 24-hour tiles. */
  recent: SessionQuery
  /** Running sessions matching the filter, however old. */
  running: SessionQuery
  /** False when the filter rules running sessions out (the running query then stays off). */
  runningPossible: boolean
  /** The newest sessions of the jobs in scope, whatever their result: each job's latest session. */
  jobRecent: SessionQuery
  /** The jobs the filter selects (by job and backup server); the job tiles count only these. */
  jobScope: SessionFilter
  /** Relative windows of the filter, applied to sessions in the browser. */
  inWindow: (session: ReplicaJobSession, now: number) => boolean
}

/** The wall's queries for a validated search. */
export function wallQueries(search: SessionSearch): WallQueries {
  const filter = toSessionFilter({ ...search, created: undefined, ended: undefined }, 0)
  const jobScope: SessionFilter = {
    jobUid: filter.jobUid,
    jobName: filter.jobName,
    jobType: filter.jobType,
    backupServerUid: filter.backupServerUid,
    backupServerName: filter.backupServerName,
  }
  const states = filter.states ? filter.states.filter((s) => RUNNING_STATES.includes(s)) : RUNNING_STATES
  // A running session has no result yet (§7): a filter on results leaves none of them.
  const runningPossible =
    states.length > 0 && (filter.results === undefined || filter.results.includes('None'))
  const page = (f: SessionFilter, pageSize: number): SessionQuery => ({
    filter: f,
    sort: NEWEST_FIRST,
    page: 1,
    pageSize,
  })
  return {
    recent: page(filter, RECENT_PAGE_SIZE),
    running: page({ ...filter, states: [...(runningPossible ? states : RUNNING_STATES)] }, RUNNING_PAGE_SIZE),
    runningPossible,
    jobRecent: page(jobScope, RECENT_PAGE_SIZE),
    jobScope,
    inWindow: (session, now) => {
      const relative = toSessionFilter({ created: search.created, ended: search.ended }, now)
      if (relative.creationFrom !== undefined && session.creationTime < relative.creationFrom) return false
      if (relative.endFrom === undefined) return true
      return session.endTime !== null && session.endTime >= relative.endFrom
    },
  }
}
