// Readers for filter value text by field type (em-api.md §4.2 `datetime`, `boolean`, `integer`).

export type ValueRead<T> = { ok: true; value: T } | { ok: false; problem: string }

/** An instant in integer microseconds; `between` marks a 7th fraction digit placing it strictly after `micros`. */
export interface FilterInstant {
  micros: number
  between: boolean
}

const DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?[Zz]?)?$/
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?[+-]\d{2}(?::?\d{2})?$/
const DATETIME_SHAPE = 'expected a UTC date-time such as 2025-08-15T06:00:00Z or 2025-08-15'

/** Reads a UTC date-time (date only = midnight; 1–7 fraction digits; no offsets) into microseconds since the epoch. */
export function readDateTime(text: string): ValueRead<FilterInstant> {
  const match = DATETIME.exec(text)
  if (!match) {
    const problem = WITH_OFFSET.test(text)
      ? 'UTC offsets are not accepted, write the time in UTC with Z'
      : DATETIME_SHAPE
    return { ok: false, problem }
  }
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = ''] = match
  const year = Number(y)
  const month = Number(mo)
  const day = Number(d)
  const hour = Number(h)
  const minute = Number(mi)
  const second = Number(s)
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, problem: `no such date; ${DATETIME_SHAPE}` }
  }
  if (hour > 23 || minute > 59 || second > 59)
    return { ok: false, problem: `no such time; ${DATETIME_SHAPE}` }
  const ticks = Number(fraction.padEnd(7, '0'))
  const seconds = daysFromCivil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second
  return {
    ok: true,
    value: { micros: seconds * 1_000_000 + Math.floor(ticks / 10), between: ticks % 10 !== 0 },
  }
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil);
// Date.UTC would read years 0–99 as 1900–1999.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

/** Reads `true` or `false` in any letter case. */
export function readBoolean(text: string): ValueRead<boolean> {
  const lower = text.toLowerCase()
  if (lower === 'true' || lower === 'false') return { ok: true, value: lower === 'true' }
  return { ok: false, problem: 'expected true or false' }
}

const INTEGER = /^-?\d+$/
const INT64_MIN = -(2n ** 63n)
const INT64_MAX = 2n ** 63n - 1n
const SAFE_MAX = BigInt(Number.MAX_SAFE_INTEGER)

/**
 * Reads a decimal Int64. Beyond 2^53 the value becomes ±Infinity: records hold safe integers,
 * so every comparison against them still comes out exact.
 */
export function readInteger(text: string): ValueRead<number> {
  if (!INTEGER.test(text)) return { ok: false, problem: 'expected a decimal integer' }
  const big = BigInt(text)
  if (big < INT64_MIN || big > INT64_MAX) return { ok: false, problem: 'out of the Int64 range' }
  if (big > SAFE_MAX) return { ok: true, value: Number.POSITIVE_INFINITY }
  if (big < -SAFE_MAX) return { ok: true, value: Number.NEGATIVE_INFINITY }
  return { ok: true, value: Number(big) }
}
