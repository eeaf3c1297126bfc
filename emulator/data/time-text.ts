import type { Micros } from './records.ts'

export const MICROS_PER_SECOND = 1_000_000
export const MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND
export const MICROS_PER_DAY = 1440 * MICROS_PER_MINUTE

const stamp = Buffer.alloc(19)

function writeDigits(position: number, value: number, width: number): void {
  for (let i = width - 1, rest = value; i >= 0; i--, rest = Math.floor(rest / 10))
    stamp[position + i] = 0x30 + (rest % 10)
}

export interface CivilDate {
  year: number
  month: number
  day: number
}

/** The UTC calendar date of a day count since 1970-01-01 (H. Hinnant's civil_from_days): no Date object needed. */
export function civilDate(days: number): CivilDate {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const month = mp < 10 ? mp + 3 : mp - 9
  return {
    year: yoe + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: doy - Math.floor((153 * mp + 2) / 5) + 1,
  }
}

function writeDate(days: number): void {
  const { year, month, day } = civilDate(days)
  writeDigits(0, year, 4)
  writeDigits(5, month, 2)
  writeDigits(8, day, 2)
}

/**
 * `<prefix>@yyyy-MM-dd HH:mm:ss` in UTC, truncated to whole seconds: a replica session or task Name (em-api.md §6.6).
 * Joined rather than concatenated so the string is flat: 1.5 million names as ropes cost hundreds of MB.
 */
export function timedName(prefix: string, time: Micros): string {
  const seconds = Math.floor(time / MICROS_PER_SECOND)
  const ofDay = seconds - Math.floor(seconds / 86400) * 86400
  writeDate(Math.floor(seconds / 86400))
  stamp[4] = 0x2d
  stamp[7] = 0x2d
  stamp[10] = 0x20
  writeDigits(11, Math.floor(ofDay / 3600), 2)
  stamp[13] = 0x3a
  writeDigits(14, Math.floor(ofDay / 60) % 60, 2)
  stamp[16] = 0x3a
  writeDigits(17, ofDay % 60, 2)
  return [prefix, '@', stamp.toString('latin1', 0, 19)].join('')
}

/** `3/14/2025 10:02 AM` in UTC, the en-US form VBR writes into a job's default description. */
export function descriptionTime(time: Micros): string {
  const date = new Date(Math.floor(time / 1000))
  const hours = date.getUTCHours()
  const hour12 = hours % 12 === 0 ? 12 : hours % 12
  const minutes = String(date.getUTCMinutes()).padStart(2, '0')
  return `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()} ${hour12}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`
}
