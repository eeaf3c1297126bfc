// Runs, not sessions: a scheduled session and the automatic retries after it (IsRetry, em-api.md §6.1) are one
// run of the job, so one failure retried three times counts once. A VM's result in a run is its last attempt's.
import type { ReplicaJobSession } from '@/em/parse-session.ts'
import type { ReplicaTaskSession } from '@/em/parse-task-session.ts'
import { hasResult } from '@/em/session-status.ts'

export interface Run {
  /** UID of the run's first session. */
  id: string
  jobUid: string
  /** Epoch ms of the first session's start. */
  start: number
  sessions: ReplicaJobSession[]
  /** Sessions after the first (its automatic retries). */
  retries: number
  /** The last session's result; `None` while it runs (em-api.md §7). */
  result: string
}

/** Each session's run, by session UID (lower-case). A retry whose run began before the window is a run of its own. */
export function foldRuns(sessions: readonly ReplicaJobSession[]): Map<string, Run> {
  const byJob = new Map<string, ReplicaJobSession[]>()
  for (const session of sessions) {
    const key = session.jobUid.toLowerCase()
    const own = byJob.get(key)
    if (own) own.push(session)
    else byJob.set(key, [session])
  }
  const runOf = new Map<string, Run>()
  for (const own of byJob.values()) {
    own.sort((a, b) => a.creationTime - b.creationTime)
    let current: Run | null = null
    for (const session of own) {
      if (!session.isRetry || current === null) {
        current = {
          id: session.uid,
          jobUid: session.jobUid,
          start: session.creationTime,
          sessions: [],
          retries: 0,
          result: 'None',
        }
      } else {
        current.retries += 1
      }
      current.sessions.push(session)
      current.result = hasResult(session) ? session.result : 'None'
      runOf.set(session.uid.toLowerCase(), current)
    }
  }
  return runOf
}

/** The job's runs, newest first. */
export function runsOfJob(runOf: ReadonlyMap<string, Run>, jobUid: string): Run[] {
  const unique = new Set<Run>()
  for (const run of runOf.values()) if (run.jobUid.toLowerCase() === jobUid.toLowerCase()) unique.add(run)
  return [...unique].sort((a, b) => b.start - a.start)
}

export interface VmRun {
  runId: string
  start: number
  /** The VM's last task in the run: its result stands for the run. */
  task: ReplicaTaskSession
}

/** A VM's runs, newest first, from its task sessions; a task whose session is unknown is a run of its own. */
export function vmRuns(tasks: readonly ReplicaTaskSession[], runOf: ReadonlyMap<string, Run>): VmRun[] {
  const byRun = new Map<string, VmRun>()
  const sorted = [...tasks].sort((a, b) => a.creationTime - b.creationTime)
  for (const task of sorted) {
    const run = runOf.get(task.jobSessionUid.toLowerCase())
    const runId = run?.id ?? task.jobSessionUid
    const seen = byRun.get(runId)
    byRun.set(runId, { runId, start: seen?.start ?? run?.start ?? task.creationTime, task })
  }
  return [...byRun.values()].sort((a, b) => b.start - a.start)
}

const OUTCOMES = ['Success', 'Warning', 'Failed']

/**
 * How many of the VM's newest runs failed in a row. EM is asked for the failed, warning and running tasks only
 * (a success leaves a replica point, em-api.md §11.2), so the streak ends at the newest success, whichever told of
 * it: a point, or a Success or Warning task. A run still going is skipped.
 */
export function failingStreak(runs: readonly VmRun[], lastSuccess: number | null): number {
  let streak = 0
  for (const run of runs) {
    if (lastSuccess !== null && (run.task.endTime ?? run.task.creationTime) < lastSuccess) break
    if (!OUTCOMES.includes(run.task.result)) continue
    if (run.task.result !== 'Failed') break
    streak += 1
  }
  return streak
}

/** The newest time a run of the VM ended well: its newest point or Success/Warning task; null when none. */
export function lastSuccessOf(tasks: readonly ReplicaTaskSession[], lastPoint: number | null): number | null {
  let newest = lastPoint
  for (const task of tasks) {
    if (task.result !== 'Success' && task.result !== 'Warning') continue
    const time = task.endTime ?? task.creationTime
    if (newest === null || time > newest) newest = time
  }
  return newest
}
