import type { Micros } from '../data/records.ts'
import type { EndTimeMode } from '../query/query-source.ts'

/** The end time of a running session in the default mode (em-api.md §7). */
export const END_TIME_SENTINEL = '1900-01-01T00:00:00Z'

/** `yyyy-MM-ddTHH:mm:ss[.ffffff]Z` in UTC; trailing fraction zeros dropped, no dot when whole (em-api.md §6.6). */
export function dateTimeText(time: Micros): string {
  const seconds = Math.floor(time / 1_000_000)
  const fraction = time - seconds * 1_000_000
  const whole = new Date(seconds * 1000).toISOString().slice(0, 19)
  if (fraction === 0) return `${whole}Z`
  return `${whole}.${String(fraction).padStart(6, '0').replace(/0+$/, '')}Z`
}

/**
 * How EndTimeUTC is written: a finished session's end as text; a running one's per the mode (§7): the sentinel,
 * '' (an empty element / JSON null) or null (left out).
 */
export function endTimeText(endTime: Micros | null, mode: EndTimeMode): string | null {
  if (endTime !== null) return dateTimeText(endTime)
  if (mode === 'sentinel') return END_TIME_SENTINEL
  return mode === 'empty' ? '' : null
}
