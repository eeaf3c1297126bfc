// How many jobs, on which schedules, with how many past runs each, for a target session count. Aims: the history
// spans the full 45 days for most jobs, sessions per day stay about level, and one 15-minute job always exists
// (a recent addition, so its history is short).

import { createJobPlan, type JobPlan } from './job-plan.ts'
import type { Random } from './random.ts'
import type { BackupServerRecord, Micros } from './records.ts'
import { splitCounts } from './split-counts.ts'
import { MICROS_PER_DAY, MICROS_PER_MINUTE } from './time-text.ts'

export interface JobDraft {
  plan: JobPlan
  /** The instant its history ends: now, or when its schedule was disabled. */
  until: Micros
  /** Scheduled runs in its history. */
  count: number
}

export const HISTORY = 45 * MICROS_PER_DAY
// Each divides a day, so runs land on the same wall-clock minutes every day.
const INTERVALS: readonly number[] = [15, 20, 30, 60, 120, 180, 240, 360, 480, 720, 1440]

// Few jobs for small data sets (a daily job needs ~45 runs to span the history), about 24 by default, and
// more past ~36k sessions, where even 15-minute schedules could not hold them all.
function jobCountFor(scheduled: number): number {
  return scheduled < 1440
    ? Math.max(3, Math.floor(scheduled / 60))
    : Math.max(24, Math.ceil(scheduled / 1500))
}

function capacity(draft: { plan: JobPlan; until: Micros }, now: Micros): number {
  return Math.max(0, Math.floor((HISTORY - (now - draft.until)) / draft.plan.intervalMicros) - 1)
}

function setInterval(plan: JobPlan, minutes: number): void {
  plan.record.intervalMinutes = minutes
  plan.intervalMicros = minutes * MICROS_PER_MINUTE
}

function drawInterval(rng: Random, ideal: number): number {
  const wanted = Math.log(ideal) + (rng.next() * 2 - 1)
  let best = 15
  for (const minutes of INTERVALS)
    if (Math.abs(Math.log(minutes) - wanted) < Math.abs(Math.log(best) - wanted)) best = minutes
  return best
}

// Moves schedules one menu step at a time until the jobs can hold 105–130% of the budget: the excess is trimmed
// from the most frequent jobs' oldest runs.
function balance(drafts: readonly JobDraft[], budget: number, now: Micros): void {
  for (let step = 0; step < 500; step++) {
    const total = drafts.reduce((sum, draft) => sum + capacity(draft, now), 0)
    const longer = total > 1.3 * budget
    if (!longer && total >= 1.05 * budget) return
    const movable = drafts.filter((d) =>
      longer ? d.plan.record.intervalMinutes < 1440 : d.plan.record.intervalMinutes > 15,
    )
    const pick = movable.reduce<JobDraft | undefined>((best, d) => {
      if (best === undefined) return d
      const a = d.plan.record.intervalMinutes
      const b = best.plan.record.intervalMinutes
      return longer ? (a < b ? d : best) : a > b ? d : best
    }, undefined)
    if (pick === undefined) return
    const at = INTERVALS.indexOf(pick.plan.record.intervalMinutes)
    setInterval(pick.plan, INTERVALS[at + (longer ? 1 : -1)] ?? pick.plan.record.intervalMinutes)
  }
}

/** Jobs with schedules and history counts summing to `scheduled` (when they can hold that many). */
export function draftJobs(
  rng: Random,
  servers: readonly BackupServerRecord[],
  scheduled: number,
  now: Micros,
): JobDraft[] {
  const jobs = jobCountFor(scheduled)
  const frequent = rng.int(0, jobs - 1)
  const disabled = new Set<number>()
  const disabledCount = jobs >= 6 ? rng.int(1, 2) : 0
  while (disabled.size < disabledCount) disabled.add((frequent + rng.int(1, jobs - 1)) % jobs)
  const ideal = (HISTORY / MICROS_PER_MINUTE) * (jobs / Math.max(1, scheduled))
  const drafts: JobDraft[] = []
  for (let index = 0; index < jobs; index++) {
    const plan = createJobPlan(rng, {
      index,
      servers,
      intervalMinutes: index === frequent ? 15 : drawInterval(rng, ideal),
    })
    const until = disabled.has(index) ? now - rng.int(1, 10) * MICROS_PER_DAY : now
    if (until !== now) plan.record.scheduleEnabled = false
    drafts.push({ plan, until, count: 0 })
  }
  const fifteen = drafts[frequent]
  const others = drafts.filter((draft) => draft !== fifteen)
  const own =
    fifteen === undefined ? 0 : Math.min(capacity(fifteen, now), Math.max(1, Math.round(0.08 * scheduled)))
  balance(others, scheduled - own, now)
  const counts = splitCounts(
    scheduled - own,
    others.map((draft) => capacity(draft, now)),
    others.map(() => 1),
  )
  others.forEach((draft, i) => {
    draft.count = counts[i] ?? 0
  })
  if (fifteen !== undefined) {
    const placed = counts.reduce((sum, count) => sum + count, 0)
    fifteen.count = Math.min(capacity(fifteen, now), scheduled - placed)
  }
  return drafts
}
