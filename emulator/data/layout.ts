// An explicit shape for the data set instead of a session count: so many jobs protecting so many VMs over so many
// days (the bench's 150 jobs, 2,000 VMs, 30 days). Schedules follow common replication practice: mostly daily,
// some every 6 or 12 hours.

import type { JobDraft } from './job-drafts.ts'
import { createJobPlan } from './job-plan.ts'
import type { Random } from './random.ts'
import type { BackupServerRecord, Micros } from './records.ts'
import { splitCounts } from './split-counts.ts'
import { MICROS_PER_DAY } from './time-text.ts'

export interface Layout {
  jobs: number
  vms: number
  days: number
}

// [minutes, weight]: mostly nightly (VBR's default schedule is daily), a few every 6 or 12 hours: about 1.3 runs a
// day on average.
const INTERVALS: readonly (readonly [number, number])[] = [
  [360, 1],
  [720, 2],
  [1440, 12],
]
const MAX_VMS_PER_JOB = 60

function drawInterval(rng: Random): number {
  const total = INTERVALS.reduce((sum, [, weight]) => sum + weight, 0)
  let roll = rng.next() * total
  for (const [minutes, weight] of INTERVALS) {
    roll -= weight
    if (roll < 0) return minutes
  }
  return 1440
}

/** Jobs for a layout: VM counts summing to `vms` (1–60 each), history over `days`, one or two disabled. */
export function draftLayout(
  rng: Random,
  servers: readonly BackupServerRecord[],
  layout: Layout,
  now: Micros,
): JobDraft[] {
  const jobs = Math.max(1, layout.jobs)
  const weights = Array.from({ length: jobs }, () => 0.15 + rng.next() ** 1.6)
  const extra = splitCounts(
    Math.max(0, layout.vms - jobs),
    weights.map(() => MAX_VMS_PER_JOB - 1),
    weights,
  )
  const disabled = new Set<number>()
  const disabledCount = jobs >= 6 ? rng.int(1, 2) : 0
  while (disabled.size < disabledCount) disabled.add(rng.int(0, jobs - 1))
  const history = layout.days * MICROS_PER_DAY
  return Array.from({ length: jobs }, (_, index) => {
    const plan = createJobPlan(rng, {
      index,
      servers,
      intervalMinutes: drawInterval(rng),
      vmCount: 1 + (extra[index] ?? 0),
    })
    const until = disabled.has(index) ? now - rng.int(1, 10) * MICROS_PER_DAY : now
    if (until !== now) plan.record.scheduleEnabled = false
    const count = Math.max(0, Math.floor((history - (now - until)) / plan.intervalMicros) - 1)
    return { plan, until, count }
  })
}
