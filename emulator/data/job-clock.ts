// One job's timeline: scheduled slots, the run in progress, a planned retry. The generator replays it over the
// history window and the live clock keeps replaying it, so past and live runs follow the same rules.

import type { JobPlan } from './job-plan.ts'
import type { Random } from './random.ts'
import type { Micros } from './records.ts'
import { MAX_RUN, MIN_RUN, planRun, type RunPlan } from './run-plan.ts'
import { applyAt, type LiveRun, materialize } from './run-state.ts'
import { MICROS_PER_MINUTE, MICROS_PER_SECOND } from './time-text.ts'

export interface JobClock {
  job: JobPlan
  /** The job's own stream: its runs do not depend on how often other jobs ran or how often time was advanced. */
  rng: Random
  enabled: boolean
  /** The next scheduled start, on a whole minute (the job's NextRun). */
  slot: Micros
  current: LiveRun | null
  pending: RunPlan | null
  taskLimit: number
  /** Forces the length of the run of one slot (the generator decides which runs are in progress at `now`). */
  forced: { slot: Micros; duration: Micros } | null
  /** No retry may be in progress at this instant; such a retry is skipped. */
  quietAt: Micros | null
  /** The job has stopped running although its schedule is on: slots pass (NextRun moves on), no run starts. */
  stalled?: boolean
}

const MAX_RETRIES = 2

/** Longest run a job's schedule allows: 3–20 minutes and well inside one interval, so runs never overlap. */
export function maxRunFor(job: JobPlan): Micros {
  return Math.max(MIN_RUN, Math.min(MAX_RUN, Math.floor(job.intervalMicros * 0.8)))
}

/** The earliest instant at which this job's records change other than by a running session's progress. */
export function nextEventAt(clock: JobClock): Micros {
  return Math.min(
    clock.current?.plan.end ?? Number.POSITIVE_INFINITY,
    clock.pending?.start ?? Number.POSITIVE_INFINITY,
    clock.enabled ? clock.slot : Number.POSITIVE_INFINITY,
  )
}

function scheduleSlot(clock: JobClock): void {
  const { job, rng, slot } = clock
  clock.slot = slot + job.intervalMicros
  job.record.nextRun = clock.slot
  // VBR skips a scheduled start while the job is still busy.
  if (clock.current !== null || clock.pending !== null || clock.stalled === true) return
  const duration = clock.forced?.slot === slot ? clock.forced.duration : undefined
  clock.pending = planRun(rng, job, {
    start: slot + rng.int(MICROS_PER_SECOND, 15 * MICROS_PER_SECOND),
    attempt: 0,
    maxDuration: maxRunFor(job),
    duration,
    taskLimit: clock.taskLimit,
  })
}

function finish(clock: JobClock, run: LiveRun, now: Micros): void {
  applyAt(run, now)
  clock.current = null
  const { plan } = run
  if (plan.result !== 'Failed' || plan.stoppedByUser === true) return
  if (plan.attempt >= MAX_RETRIES || !clock.rng.chance(0.6)) return
  // VBR retries a failed run after a short wait, unless the next scheduled run would come first.
  const start = plan.end + clock.rng.int(2 * MICROS_PER_MINUTE, 8 * MICROS_PER_MINUTE)
  const nextSlot = clock.enabled ? clock.slot : Number.POSITIVE_INFINITY
  const room = Math.min(MAX_RUN, nextSlot - MICROS_PER_MINUTE - start)
  if (room < MIN_RUN) return
  const retry = planRun(clock.rng, clock.job, {
    start,
    attempt: plan.attempt + 1,
    maxDuration: room,
    taskLimit: clock.taskLimit,
  })
  const quiet = clock.quietAt
  if (quiet !== null && retry.start <= quiet && quiet < retry.end) return
  clock.pending = retry
}

/**
 * Replays the job's events up to `now` in time order: runs end (and may plan a retry), planned runs start
 * (`onStart` receives their new records), slots plan runs. Returns true when any record changed.
 */
export function catchUp(clock: JobClock, now: Micros, onStart: (run: LiveRun) => void): boolean {
  let changed = false
  for (;;) {
    const end = clock.current?.plan.end ?? Number.POSITIVE_INFINITY
    const start = clock.pending?.start ?? Number.POSITIVE_INFINITY
    const slot = clock.enabled ? clock.slot : Number.POSITIVE_INFINITY
    if (clock.current !== null && end <= now && end <= start && end <= slot) {
      finish(clock, clock.current, now)
    } else if (clock.pending !== null && start <= now && start <= slot) {
      const run = materialize(clock.job, clock.pending, now)
      clock.pending = null
      clock.current = run
      onStart(run)
    } else if (slot <= now) {
      scheduleSlot(clock)
    } else {
      break
    }
    changed = true
  }
  if (clock.current !== null) changed = applyAt(clock.current, now) || changed
  return changed
}
