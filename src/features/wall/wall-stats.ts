// The numbers on the wall's tiles: pure functions of sessions, jobs and "now", so tests can pin each rule.
import type { Page } from '@/em/page-schema.ts'
import type { ReplicaJobSession } from '@/em/parse-session.ts'
import { foldRuns } from '@/em/protection/runs.ts'
import { hasResult } from '@/em/session-status.ts'

export const DAY_MS = 86_400_000

export interface ResultCounts {
  success: number
  warning: number
  failed: number
  /** Still running, or finished without a known result (§7, §9.2). */
  noResult: number
  /** Sessions behind the failed and warning runs (a run is a session and its automatic retries). */
  failedSessions: number
  warningSessions: number
}

/**
 * Runs that ended at or after `from`, counted by their last session's result: a failed session followed by its
 * automatic retries (IsRetry) is one run, so one failure retried three times counts once (issue 14).
 */
export function countResults(sessions: readonly ReplicaJobSession[], from: number): ResultCounts {
  const counts: ResultCounts = {
    success: 0,
    warning: 0,
    failed: 0,
    noResult: 0,
    failedSessions: 0,
    warningSessions: 0,
  }
  for (const run of new Set(foldRuns(sessions).values())) {
    const last = run.sessions.at(-1)
    if (!last || last.creationTime < from) continue
    const result = last.result.toLowerCase()
    const sessionsWith = (wanted: string) =>
      run.sessions.filter((session) => session.result.toLowerCase() === wanted).length
    if (result === 'success') counts.success += 1
    else if (result === 'warning') {
      counts.warning += 1
      counts.warningSessions += sessionsWith('warning')
    } else if (result === 'failed') {
      counts.failed += 1
      counts.failedSessions += sessionsWith('failed')
    } else counts.noResult += 1
  }
  return counts
}

/** Successful share of the runs that finished with a result, 0–1; null when none has. */
export function successRate(counts: ResultCounts): number | null {
  const finished = counts.success + counts.warning + counts.failed
  return finished === 0 ? null : counts.success / finished
}

/** How far back a page of newest-first sessions reaches: all of them, or only since its oldest item. */
export function coverageOf(page: Page<ReplicaJobSession>): { complete: boolean; since: number | null } {
  if (page.paging.pagesCount <= 1) return { complete: true, since: null }
  const oldest = page.items.reduce((min, s) => Math.min(min, s.creationTime), Number.POSITIVE_INFINITY)
  return { complete: false, since: Number.isFinite(oldest) ? oldest : null }
}

/** Sessions from several answers, once each (pages shift between requests, §9.5), newest first. */
export function mergeSessions(...lists: ReadonlyArray<readonly ReplicaJobSession[]>): ReplicaJobSession[] {
  const byUid = new Map<string, ReplicaJobSession>()
  for (const list of lists) {
    for (const session of list) if (!byUid.has(session.uid)) byUid.set(session.uid, session)
  }
  return [...byUid.values()].sort((a, b) => b.creationTime - a.creationTime)
}

/** Each job's newest session with a result: a running retry (no result yet, §7) does not hide the failure before it. */
export function latestFinishedByJob(sessions: readonly ReplicaJobSession[]): Map<string, ReplicaJobSession> {
  const latest = new Map<string, ReplicaJobSession>()
  for (const session of sessions) {
    if (!hasResult(session)) continue
    const key = session.jobUid.toLowerCase()
    const seen = latest.get(key)
    if (!seen || session.creationTime > seen.creationTime) latest.set(key, session)
  }
  return latest
}

export interface JobRef {
  uid: string
  name: string
}

/** Jobs whose latest finished session failed, newest failure first. */
export function jobsLatestFailed<J extends JobRef>(
  jobs: readonly J[],
  sessions: readonly ReplicaJobSession[],
): Array<{ job: J; session: ReplicaJobSession }> {
  const latest = latestFinishedByJob(sessions)
  return jobs
    .flatMap((job) => {
      const session = latest.get(job.uid.toLowerCase())
      return session && session.result.toLowerCase() === 'failed' ? [{ job, session }] : []
    })
    .sort((a, b) => b.session.creationTime - a.session.creationTime)
}
