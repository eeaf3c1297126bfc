// One run of a replica job, decided in full when it is scheduled: its timeline, its tasks and its outcome.
// The live clock then only reveals the plan as time passes (em-api.md §7).

import type { JobPlan } from './job-plan.ts'
import type { Random } from './random.ts'
import { FAILED_REASONS, failureMessage, WARNING_REASONS } from './reasons.ts'
import type { Micros } from './records.ts'
import { MICROS_PER_MINUTE, MICROS_PER_SECOND } from './time-text.ts'

export type RunResult = 'Success' | 'Warning' | 'Failed'

export interface TaskPlan {
  id: string
  vmIndex: number
  created: Micros
  begin: Micros
  end: Micros
  result: RunResult
  reason: string
}

export interface RunPlan {
  id: string
  /** 0 for a scheduled run, n for the n-th automatic retry. */
  attempt: number
  start: Micros
  /** `Starting` until then, `Working` until the last task ends, `Stopping` until `end`. */
  startingEnd: Micros
  workEnd: Micros
  end: Micros
  result: RunResult
  failureMessage: string | null
  tasks: TaskPlan[]
  /** Ended early by a Stop action (em-api.md §13.1): VBR does not retry a run a user stopped. */
  stoppedByUser?: boolean
}

export interface RunOptions {
  start: Micros
  attempt: number
  /** Upper bound of the run's length; at least MIN_RUN. */
  maxDuration: Micros
  /** Forces the length (still capped by maxDuration). */
  duration?: Micros
  /** At most this many VMs get a task (keeps huge data sets in memory). */
  taskLimit: number
  /** Only these VMs (indices into the job's VMs), as a retry of the failed ones; default: every VM up to taskLimit. */
  vmIndices?: readonly number[]
}

export const MIN_RUN = 3 * MICROS_PER_MINUTE
export const MAX_RUN = 20 * MICROS_PER_MINUTE

/** A run's length: 3–20 minutes, longer for jobs with more VMs. */
export function drawDuration(rng: Random, vmCount: number): Micros {
  const share = 0.4 * Math.min(1, vmCount / 15) + 0.6 * rng.next()
  return MIN_RUN + Math.floor((MAX_RUN - MIN_RUN) * share)
}

function drawResult(rng: Random, job: JobPlan, attempt: number): RunResult {
  // Scheduled runs: ~5.5% Failed and ~7% Warning on average; a retry mostly succeeds.
  const failed = attempt === 0 ? 0.055 * job.flakiness : 0.2
  const warning = attempt === 0 ? 0.07 * job.flakiness : 0.1
  const roll = rng.next()
  return roll < failed ? 'Failed' : roll < failed + warning ? 'Warning' : 'Success'
}

function taskResults(rng: Random, result: RunResult, count: number): RunResult[] {
  const results: RunResult[] = Array.from({ length: count }, () => 'Success')
  if (result === 'Success') return results
  const affected = rng.chance(0.25) ? rng.int(1, count) : 1
  for (let marked = 0; marked < affected; ) {
    const index = rng.int(0, count - 1)
    if (results[index] !== 'Success') continue
    results[index] = result
    marked++
  }
  // A failed run often has a warning elsewhere too.
  if (result === 'Failed' && count > affected && rng.chance(0.2)) {
    const index = results.indexOf('Success')
    if (index >= 0) results[index] = 'Warning'
  }
  return results
}

function everyVm(job: JobPlan, taskLimit: number): number[] {
  const count = Math.max(1, Math.min(job.vmSizes.length, taskLimit))
  return Array.from({ length: count }, (_, index) => index)
}

/** Plans a whole run: session id, phases, one task per VM (in parallel lanes), results and reasons. */
export function planRun(rng: Random, job: JobPlan, options: RunOptions): RunPlan {
  const { start, attempt } = options
  const vmIndices = options.vmIndices ?? everyVm(job, options.taskLimit)
  const vmCount = vmIndices.length
  const duration = Math.min(options.duration ?? drawDuration(rng, vmCount), options.maxDuration)
  const end = start + duration
  // A run shorter than a few minutes (an action's run, shortened for tests) keeps its phases in proportion.
  const startingEnd =
    start + Math.min(rng.int(3 * MICROS_PER_SECOND, 12 * MICROS_PER_SECOND), Math.floor(duration * 0.2))
  const workEnd =
    end - Math.min(rng.int(2 * MICROS_PER_SECOND, 10 * MICROS_PER_SECOND), Math.floor(duration * 0.15))
  const drawn = drawResult(rng, job, attempt)
  const results = taskResults(rng, drawn, vmCount)
  const stuck = job.stuck
  // Positions follow vmIndices: a retry runs only the VMs that failed (em-api.md §13.1).
  const stuckAt = stuck === undefined ? -1 : vmIndices.indexOf(stuck.vmIndex)
  const isStuck = stuck !== undefined && start >= stuck.from && start < stuck.to && stuckAt >= 0
  if (isStuck) results[stuckAt] = 'Failed'
  // A run's result is its worst task's (em-api.md §6.1); only a stuck VM can make it worse than drawn.
  const result: RunResult = isStuck ? 'Failed' : drawn
  const lanes = Math.max(1, Math.min(job.lanes, vmCount))
  const laneCursor = Array.from({ length: lanes }, () => startingEnd)
  const perLane = Math.ceil(vmCount / lanes)
  const slice = (workEnd - startingEnd) / perLane
  const tasks: TaskPlan[] = []
  for (let position = 0; position < vmCount; position++) {
    const vmIndex = vmIndices[position] ?? position
    const lane = position % lanes
    const begin = (laneCursor[lane] ?? startingEnd) + rng.int(0, MICROS_PER_SECOND)
    const taskEnd = Math.min(workEnd, begin + Math.floor(slice * (0.6 + 0.4 * rng.next())))
    laneCursor[lane] = taskEnd
    const taskResult = results[position] ?? 'Success'
    const enumerating = Math.min(MICROS_PER_SECOND, Math.floor((startingEnd - start) / 2))
    tasks.push({
      id: rng.guid(),
      vmIndex,
      // VBR enumerates the VMs while the session is Starting, in job order.
      created:
        start +
        enumerating +
        Math.floor((startingEnd - start - enumerating) * ((position + rng.next()) / vmCount)),
      begin: Math.min(begin, taskEnd),
      end: taskEnd,
      result: taskResult,
      reason:
        isStuck && vmIndex === stuck.vmIndex
          ? stuck.reason
          : taskResult === 'Failed'
            ? rng.pick(FAILED_REASONS)
            : taskResult === 'Warning'
              ? rng.pick(WARNING_REASONS)
              : '',
    })
  }
  const affected = results.filter((r) => r === result).length
  return {
    id: rng.guid(),
    attempt,
    start,
    startingEnd,
    workEnd,
    end,
    result,
    failureMessage: result === 'Success' ? null : failureMessage(result, affected, vmCount),
    tasks,
  }
}
