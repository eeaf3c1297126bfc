import type { Micros } from '../data/records.ts'
import { civilDate } from '../data/time-text.ts'
import type { EndTimeMode } from '../query/query-source.ts'

/** The end time of a running session in the default mode (em-api.md §7). */
export const END_TIME_SENTINEL = '1900-01-01T00:00:00Z'

const two = (value: number) => (value < 10 ? `0${value}` : `${value}`)

/** `yyyy-MM-ddTHH:mm:ss[.ffffff]Z` in UTC; trailing fraction zeros dropped, no dot when whole (em-api.md §6.6). */
export function dateTimeText(time: Micros): string {
  const seconds = Math.floor(time / 1_000_000)
  const days = Math.floor(seconds / 86400)
  const ofDay = seconds - days * 86400
  // Hand-formatted: two Date round trips per entity cost more than the rest of its XML.
  const { year, month, day } = civilDate(days)
  const text = `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}T${two(Math.floor(ofDay / 3600))}:${two(Math.floor(ofDay / 60) % 60)}:${two(ofDay % 60)}`
  let fraction = time - seconds * 1_000_000
  if (fraction === 0) return `${text}Z`
  let digits = 6
  while (fraction % 10 === 0) {
    fraction /= 10
    digits--
  }
  return `${text}.${String(fraction).padStart(digits, '0')}Z`
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

/** EndTimeUTC as JSON, to spread into an entity: an empty end is null, an absent one leaves the key out (§7). */
export function endTimeJson(endTime: Micros | null, mode: EndTimeMode): { EndTimeUTC?: string | null } {
  const end = endTimeText(endTime, mode)
  if (end === null) return {}
  return { EndTimeUTC: end === '' ? null : end }
}
