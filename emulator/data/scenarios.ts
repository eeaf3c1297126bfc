// The protection cases the default data set must show (issue 14), picked from their own random stream so every
// other job's history stays exactly what it was: a VM failing for days, a job that stopped running although its
// schedule is on, a VM in a job's includes that no run processes, and a job that includes a folder.

import type { JobClock } from './job-clock.ts'
import type { JobDraft } from './job-drafts.ts'
import type { Random } from './random.ts'
import type { Micros, ReplicaSessionRecord } from './records.ts'
import { MICROS_PER_DAY, MICROS_PER_MINUTE } from './time-text.ts'

export interface ScenarioPicks {
  /** Job index whose VM fails in every run of the last days. */
  stuck: number | null
  /** Job index that stopped running, schedule still enabled. */
  stalled: number | null
  /** Job index with a VM in its includes that no run processes. */
  neverReplicated: number | null
  /** Job index whose includes are one folder, not its VMs. */
  container: number | null
}

export const NO_SCENARIOS: ScenarioPicks = {
  stuck: null,
  stalled: null,
  neverReplicated: null,
  container: null,
}

// Fewer jobs than this (tiny data sets for tests) get no scenarios: each needs a job of its own.
const MIN_JOBS = 6
const HOUR = 60 * MICROS_PER_MINUTE
// The failure the stuck VM repeats (one of FAILED_REASONS): a full target datastore does not fix itself on retry.
export const STUCK_REASON = 'Error: Target datastore "DR-DS01" has insufficient free space (12.4 GB required)'

function enabled(draft: JobDraft, now: Micros): boolean {
  return draft.plan.record.scheduleEnabled && draft.until === now
}

/** Before replay: one VM of a long-interval job fails every attempt from ~3.5 days ago until 1.5 days from now. */
export function pickStuck(
  rng: Random,
  drafts: readonly JobDraft[],
  running: ReadonlySet<number>,
  now: Micros,
): number | null {
  if (drafts.length < MIN_JOBS) return null
  const candidates = drafts.flatMap((draft, i) =>
    enabled(draft, now) &&
    !running.has(i) &&
    draft.count > 0 &&
    draft.plan.vmSizes.length >= 3 &&
    draft.plan.record.intervalMinutes >= 360
      ? [i]
      : [],
  )
  // The longest interval: a daily job fails once a day, so the failing streak reads in runs, not sessions.
  const longest = Math.max(0, ...candidates.map((i) => drafts[i]?.plan.record.intervalMinutes ?? 0))
  const best = candidates.filter((i) => drafts[i]?.plan.record.intervalMinutes === longest)
  if (best.length === 0) return null
  const index = rng.pick(best)
  const plan = drafts[index]?.plan
  if (plan === undefined) return null
  plan.stuck = {
    vmIndex: rng.int(1, plan.vmSizes.length - 1),
    from: now - Math.round(3.5 * MICROS_PER_DAY) - rng.int(0, 6) * HOUR,
    to: now + Math.round(1.5 * MICROS_PER_DAY),
    reason: STUCK_REASON,
  }
  return index
}

export interface StallInput {
  rng: Random
  drafts: readonly JobDraft[]
  clocks: readonly JobClock[]
  running: ReadonlySet<number>
  taken: readonly (number | null)[]
  now: Micros
}

/**
 * After replay: a job with its schedule on stops running 2–3 days before now. Its later runs are removed and its
 * clock keeps moving NextRun without starting runs. Only a job whose next slot is hours away qualifies, so no
 * run is due at once.
 */
export function pickStall(input: StallInput): { index: number; since: Micros } | null {
  const { rng, drafts, clocks, running, taken, now } = input
  if (drafts.length < MIN_JOBS) return null
  const candidates = drafts.flatMap((draft, i) => {
    const clock = clocks[i]
    const minutes = draft.plan.record.intervalMinutes
    const idle = clock !== undefined && clock.current === null && clock.pending === null
    const ok =
      enabled(draft, now) &&
      !running.has(i) &&
      !taken.includes(i) &&
      idle &&
      minutes >= 240 &&
      minutes <= 1440 &&
      draft.count >= 6 &&
      (clock?.slot ?? 0) > now + 3 * HOUR
    return ok ? [i] : []
  })
  if (candidates.length === 0) return null
  const index = rng.pick(candidates)
  const clock = clocks[index]
  if (clock === undefined) return null
  clock.stalled = true
  return { index, since: now - rng.int(50, 70) * HOUR }
}

/** Drops the runs a stalled job would have had since it stopped. */
export function withoutStalledRuns<R extends { session: ReplicaSessionRecord }>(
  runs: readonly R[],
  jobId: string,
  since: Micros,
): R[] {
  return runs.filter((run) => run.session.jobId !== jobId || run.session.creationTime < since)
}

/** Two more jobs: one gets a VM in its includes that no run processes, one includes a folder (VMware). */
export function pickIncludeCases(
  rng: Random,
  drafts: readonly JobDraft[],
  taken: readonly (number | null)[],
): { neverReplicated: number | null; container: number | null } {
  if (drafts.length < MIN_JOBS) return { neverReplicated: null, container: null }
  const free = drafts.flatMap((draft, i) => (taken.includes(i) || draft.count === 0 ? [] : [i]))
  const vmware = free.filter(
    (i) => drafts[i]?.plan.record.platform === 'VMware' && (drafts[i]?.plan.vmSizes.length ?? 0) >= 2,
  )
  const container = vmware.length > 0 ? rng.pick(vmware) : null
  const rest = free.filter((i) => i !== container && drafts[i]?.plan.record.scheduleEnabled)
  const neverReplicated = rest.length > 0 ? rng.pick(rest) : null
  return { neverReplicated, container }
}
