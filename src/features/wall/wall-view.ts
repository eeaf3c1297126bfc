// Everything the wall shows, derived during render from the polled answers (STYLE §3.6: no copies in state).
import type { Page } from '@/em/page-schema.ts'
import type { Job } from '@/em/parse-job.ts'
import type { ReplicaJobSession } from '@/em/parse-session.ts'
import { jobsOfSessions, type SessionJob } from '@/em/session-jobs.ts'
import { isRunning } from '@/em/session-status.ts'
import { jobInScope } from './job-scope.ts'
import { wallOrder } from './list-pages.ts'
import type { WallQueries } from './wall-queries.ts'
import {
  countResults,
  coverageOf,
  DAY_MS,
  jobsLatestFailed,
  mergeSessions,
  type ResultCounts,
  successRate,
} from './wall-stats.ts'

export interface WallAnswers {
  recent: Page<ReplicaJobSession>
  running: Page<ReplicaJobSession> | undefined
  jobRecent: Page<ReplicaJobSession> | undefined
  jobs: Page<Job> | undefined
  /** EM refused the job list for this account's role (403; a Portal User, em-api.md §10). */
  jobsRefused?: boolean
}

export interface JobTiles {
  latestFailed: Array<{ job: SessionJob; session: ReplicaJobSession }>
  /**
   * Where the jobs come from: EM's job list, or (when that was refused) the jobs the sessions of the scope name,
   * so a job without a session in those answers is not counted at all.
   */
  source: 'jobs' | 'sessions'
}

export interface WallView {
  /** Sessions of the last 24 hours and every running one, in list order. */
  list: ReplicaJobSession[]
  /** Sessions created in the last 24 hours (the chart's and the counters' input). */
  day: ReplicaJobSession[]
  running: ReplicaJobSession[]
  /** More running sessions exist than one answer holds. */
  runningTruncated: boolean
  counts: ResultCounts
  rate: number | null
  /** Null until the job list has arrived. */
  jobs: JobTiles | null
  /** When the newest-sessions answer stops short of a full day: the time it reaches back to. */
  partialSince: number | null
  /** The jobs and backup servers the filter selects (for tiles that count more than sessions). */
  scope: WallQueries['jobScope']
}

/** Derives the wall from the answers at `now`. */
export function wallView(answers: WallAnswers, queries: WallQueries, options: { now: number }): WallView {
  const { now } = options
  const inWindow = (s: ReplicaJobSession) => queries.inWindow(s, now)
  const recent = answers.recent.items.filter(inWindow)
  const running = mergeSessions(recent, answers.running?.items.filter(inWindow) ?? []).filter(isRunning)
  const day = recent.filter((s) => s.creationTime >= now - DAY_MS)
  const counts = countResults(day, now - DAY_MS)
  const coverage = coverageOf(answers.recent)
  const view: WallView = {
    list: wallOrder(mergeSessions(day, running)),
    day,
    running,
    runningTruncated: (answers.running?.paging.pagesCount ?? 1) > 1,
    counts,
    rate: successRate(counts),
    jobs: null,
    partialSince: coverage.since !== null && coverage.since > now - DAY_MS ? coverage.since : null,
    scope: queries.jobScope,
  }
  if (!answers.jobRecent) return view
  // The session answer is already limited to the job scope by EM, so the jobs it names are in scope.
  const jobs = answers.jobsRefused
    ? jobsOfSessions(answers.jobRecent.items)
    : answers.jobs?.items.filter((job) => jobInScope(job, queries.jobScope))
  if (!jobs) return view
  view.jobs = {
    latestFailed: jobsLatestFailed(jobs, answers.jobRecent.items),
    source: answers.jobsRefused ? 'sessions' : 'jobs',
  }
  return view
}
