// "Job silent": a job that does not run when it should, told apart from VMs that fail. EM exposes a job's
// ScheduleEnabled, ScheduleConfigured and NextRun (em-api.md §6.4; Portal Administrator only, §10) and, to every
// reader, its sessions: the gap since the last run against the job's own usual interval.
import { formatAge } from '@/lib/format-time.ts'

export interface JobFacts {
  /** null when the job entity is not readable (Portal User) or unknown. */
  scheduleEnabled: boolean | null
  scheduleConfigured: boolean | null
  nextRun: number | null
  /** Starts of the job's runs in the window, oldest first (retries folded). */
  runStarts: readonly number[]
  running: boolean
}

export interface SilenceContext {
  now: number
  /** The job's sessions are known back to here. */
  sessionsFrom: number
  rpoMs: number
}

export type Silence = { silent: false } | { silent: true; detail: string; bySchedule: boolean }

const MINUTE = 60_000
// A run may start a little late (VBR starts runs up to a minute after the slot, EM collects every 15 min, §15).
const GRACE = 30 * MINUTE

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

/** Whether the job is silent, and why in words; pure, so each rule has its test. */
export function jobSilence(facts: JobFacts, context: SilenceContext): Silence {
  const { now } = context
  if (facts.running) return { silent: false }
  if (facts.scheduleEnabled === false) return { silent: true, detail: 'schedule disabled', bySchedule: true }
  if (facts.scheduleConfigured === false)
    return { silent: true, detail: 'no schedule: runs only when started by hand', bySchedule: true }
  const last = facts.runStarts.at(-1)
  if (
    facts.nextRun !== null &&
    facts.nextRun < now - GRACE &&
    (last === undefined || last < facts.nextRun - GRACE)
  )
    return {
      silent: true,
      detail: `missed its run due ${formatAge(now - facts.nextRun)} ago`,
      bySchedule: true,
    }
  if (last === undefined) {
    // No run at all in what the sessions cover: silent when that span is longer than the RPO.
    const span = now - context.sessionsFrom
    return span >= context.rpoMs
      ? { silent: true, detail: `no run in the last ${formatAge(span)}`, bySchedule: false }
      : { silent: false }
  }
  if (facts.runStarts.length < 3) return { silent: false }
  const gaps = facts.runStarts.slice(1).map((start, i) => start - (facts.runStarts[i] ?? start))
  const usual = median(gaps)
  if (now - last > usual * 1.5 + GRACE)
    return {
      silent: true,
      detail: `no run for ${formatAge(now - last)}; it ran every ${formatAge(usual)}`,
      bySchedule: false,
    }
  return { silent: false }
}
