// Sessions per hour over the last day, stacked by result: one typed series config read by the bars and by the
// text legend alike (STYLE §3.12), so colour is never the only cue.

import type { StatusTone } from '@/components/status-icon.tsx'
import type { ReplicaJobSession } from '@/em/parse-session.ts'
import { lazyDateFormat } from '@/lib/lazy-intl.ts'
import { countResults, type ResultCounts } from './wall-stats.ts'

const HOUR_MS = 3_600_000

export interface HourBucket extends ResultCounts {
  /** Local start of the hour, epoch ms. */
  start: number
  /** "14:00", local. */
  label: string
}

export interface Series {
  key: keyof ResultCounts
  label: string
  tone: StatusTone
  /** CSS colour of the theme (app/styles.css tokens), so the chart follows the wall's theme. */
  color: string
}

/** Bottom to top: the outcome that needs attention sits on top of each stack, where the eye lands. */
export const HOURLY_SERIES: readonly Series[] = [
  { key: 'success', label: 'Success', tone: 'success', color: 'var(--success)' },
  { key: 'noResult', label: 'Running or no result', tone: 'running', color: 'var(--running)' },
  { key: 'warning', label: 'Warning', tone: 'warning', color: 'var(--warning)' },
  { key: 'failed', label: 'Failed', tone: 'failed', color: 'var(--failed)' },
]

const hourLabel = lazyDateFormat({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })

/** The start of the local hour containing `at`. */
export function hourStart(at: number): number {
  const date = new Date(at)
  date.setMinutes(0, 0, 0)
  return date.getTime()
}

/** `hours` buckets ending with the current (partial) hour, each counting the sessions created in it. */
export function hourlyBuckets(sessions: readonly ReplicaJobSession[], now: number, hours = 24): HourBucket[] {
  const last = hourStart(now)
  return Array.from({ length: hours }, (_, i) => {
    const start = last - (hours - 1 - i) * HOUR_MS
    const inHour = sessions.filter((s) => s.creationTime >= start && s.creationTime < start + HOUR_MS)
    return { ...countResults(inHour, start), start, label: hourLabel().format(start) }
  })
}
