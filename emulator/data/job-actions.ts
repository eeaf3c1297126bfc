// What VBR does when EM passes on a job action (em-api.md §13.1): start a run now, stop the running one, or retry
// the failed VMs of the last run. Each applies at the world's current time and says whether VBR accepted it; the
// refusal texts are the emulator's own (§13.4 and §18: EM's are not documented), recorded as a [decision].

import type { JobClock } from './job-clock.ts'
import type { Random } from './random.ts'
import type { Micros, ReplicaSessionRecord, TaskSessionRecord } from './records.ts'
import { MAX_RUN, planRun } from './run-plan.ts'
import { MICROS_PER_SECOND } from './time-text.ts'

export type ActionOutcome = { accepted: true } | { accepted: false; message: string }

/** The parts of the store a job action touches. */
export interface ActionWorld {
  now: Micros
  /** A stream of its own, so actions do not shift the runs the schedule plans. */
  rng: Random
  clockOf(jobId: string): JobClock | undefined
  /** The job's newest session, finished or not. */
  lastSessionOf(jobId: string): ReplicaSessionRecord | undefined
  tasksOf(sessionId: string): readonly TaskSessionRecord[]
  /** Starts the clock's pending run now (its records join the store) and replans the clocks' next events. */
  startPending(clock: JobClock): void
  /** Replans the clocks' next events after a run's plan changed. */
  replan(): void
}

export interface RunOptions {
  /** The run's length; undefined draws one as for a scheduled run (3–20 minutes). */
  runMicros?: Micros
}

// Immediate stop (Veeam guide "Manual Stop of Backup Jobs"): VBR terminates every task, VMs already processed
// keep their result, the rest are not replicated, and "the job is finished with the Failed error".
const STOP_REASON = 'Processing was stopped by user.'
const STOPPING = 5 * MICROS_PER_SECOND

function refused(message: string): ActionOutcome {
  return { accepted: false, message }
}

/** `?action=start`: a run of every VM now; refused while the job runs. A retry VBR was waiting to start is replaced. */
export function startJob(world: ActionWorld, jobId: string, options: RunOptions): ActionOutcome {
  const clock = world.clockOf(jobId)
  if (clock === undefined) return refused(`Job '${jobId}' was not found.`)
  const name = clock.job.record.name
  if (clock.current !== null) return refused(`Cannot start job "${name}": the job is already running.`)
  clock.pending = planRun(world.rng, clock.job, {
    start: world.now,
    attempt: 0,
    maxDuration: MAX_RUN,
    duration: options.runMicros,
    taskLimit: clock.taskLimit,
  })
  world.startPending(clock)
  return { accepted: true }
}

/** `?action=retry`: only after a failed last run (§13.1), and only its failed VMs (all of them when none failed). */
export function retryJob(world: ActionWorld, jobId: string, options: RunOptions): ActionOutcome {
  const clock = world.clockOf(jobId)
  if (clock === undefined) return refused(`Job '${jobId}' was not found.`)
  const { record } = clock.job
  if (clock.current !== null) return refused(`Cannot retry job "${record.name}": the job is running.`)
  const last = world.lastSessionOf(jobId)
  if (last?.result !== 'Failed') {
    return refused(`Cannot retry job "${record.name}": only a job whose last session failed can be retried.`)
  }
  const failed = world
    .tasksOf(last.id)
    .filter((task) => task.result === 'Failed')
    .map((task) => record.vmNames.indexOf(task.vmName))
    .filter((index) => index >= 0)
  clock.pending = planRun(world.rng, clock.job, {
    start: world.now,
    attempt: 1,
    maxDuration: MAX_RUN,
    duration: options.runMicros,
    taskLimit: clock.taskLimit,
    vmIndices: failed.length > 0 ? failed : undefined,
  })
  world.startPending(clock)
  return { accepted: true }
}

/** `?action=stop`: ends the running run within seconds, Failed; a retry VBR was waiting to start is called off. */
export function stopJob(world: ActionWorld, jobId: string): ActionOutcome {
  const clock = world.clockOf(jobId)
  if (clock === undefined) return refused(`Job '${jobId}' was not found.`)
  const run = clock.current
  if (run === null) {
    if (clock.pending === null) {
      return refused(`Cannot stop job "${clock.job.record.name}": the job is not running.`)
    }
    clock.pending = null
    world.replan()
    return { accepted: true }
  }
  const { now } = world
  const { plan } = run
  let unprocessed = 0
  for (const task of plan.tasks) {
    if (task.end <= now) continue
    unprocessed++
    task.begin = Math.min(task.begin, now)
    task.end = now
    task.result = 'Failed'
    task.reason = STOP_REASON
  }
  plan.startingEnd = Math.min(plan.startingEnd, now)
  plan.workEnd = Math.min(plan.workEnd, now)
  plan.end = Math.min(plan.end, now + STOPPING)
  plan.result = 'Failed'
  plan.failureMessage = `Job was stopped by user. ${unprocessed} of ${plan.tasks.length} VMs were not processed.`
  plan.stoppedByUser = true
  world.replan()
  return { accepted: true }
}
