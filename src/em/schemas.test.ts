import { describe, expect, it } from 'vitest'
import { parseEmDateTime } from './schemas.ts'

// The definition parseEmDateTime keeps without building a Date per timestamp: whatever Date.UTC gives back
// unchanged is a date; what it rolls over (30 February, 24:00, years below 100) is not.
function byRoundTrip(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?[Zz]?$/.exec(text.trim())
  if (!match) return null
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as number[]
  const ms = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3))
  const time = Date.UTC(year ?? 0, (month ?? 0) - 1, day, hour, minute, second, ms)
  const back = new Date(time)
  const same =
    back.getUTCFullYear() === year &&
    back.getUTCMonth() + 1 === month &&
    back.getUTCDate() === day &&
    back.getUTCHours() === hour &&
    back.getUTCMinutes() === minute &&
    back.getUTCSeconds() === second
  return same ? time : null
}

describe('parseEmDateTime', () => {
  it.each([
    ['2025-08-15T06:00:00Z', Date.UTC(2025, 7, 15, 6)],
    ['2025-08-15T06:00:00.1234567Z', Date.UTC(2025, 7, 15, 6, 0, 0, 123)],
    ['2025-08-15T06:00:00.5Z', Date.UTC(2025, 7, 15, 6, 0, 0, 500)],
    [' 2024-02-29 23:59:59 ', Date.UTC(2024, 1, 29, 23, 59, 59)],
    ['2025-02-29T00:00:00Z', null],
    ['2100-02-29T00:00:00Z', null],
    ['2000-02-29T00:00:00Z', Date.UTC(2000, 1, 29)],
    ['2025-04-31T00:00:00Z', null],
    ['2025-08-15T24:00:00Z', null],
    ['2025-08-15T06:60:00Z', null],
    ['2025-08-15T06:00:60Z', null],
    ['0099-01-01T00:00:00Z', null],
    ['2025-13-01T00:00:00Z', null],
    ['2025-00-10T00:00:00Z', null],
    ['2025-08-00T00:00:00Z', null],
    ['yesterday', null],
    ['2025-8-15T06:00:00Z', null],
    ['2025-08-15T06:00:00.12345678Z', null],
    ['2025-08-15T06:00:00.Z', null],
    ['2025-08-15T06:00:00ZZ', null],
    ['2025-08-15t06:00:00z', Date.UTC(2025, 7, 15, 6)],
    ['2025-08-15T06:00:00', Date.UTC(2025, 7, 15, 6)],
    ['\u00a02025-08-15T06:00:00Z', Date.UTC(2025, 7, 15, 6)],
    ['2025-08-15T06:00', null],
  ])('%s', (text, expected) => {
    expect(parseEmDateTime(text)).toBe(expected)
  })

  it('agrees with a Date round trip on every day, month and edge time from 1899 to 2101', () => {
    let checked = 0
    for (const year of [1899, 1900, 1970, 1999, 2000, 2023, 2024, 2100, 2101]) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          for (const time of ['00:00:00', '23:59:59.9999999', '24:00:00', '12:60:00', '12:00:60']) {
            const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${time}Z`
            expect(parseEmDateTime(text), text).toBe(byRoundTrip(text))
            checked += 1
          }
        }
      }
    }
    expect(checked).toBe(9 * 14 * 33 * 5)
  })

  it('agrees with it on 20,000 near-misses: any character of a timestamp swapped, dropped or doubled', () => {
    const base = '2024-02-29T23:59:59.1234567Z'
    const swaps = ['0', '9', '-', ':', '.', 'T', 't', ' ', 'Z', 'z', 'x', '']
    let state = 7
    const next = (n: number) => {
      state = (state * 1103515245 + 12345) % 2147483648
      return state % n
    }
    for (let i = 0; i < 20_000; i++) {
      let text = base
      for (let edits = 1 + next(2); edits > 0; edits--) {
        const at = next(text.length)
        const swap = next(3) === 0 ? (text[at] ?? '').repeat(2) : (swaps[next(swaps.length)] ?? '')
        text = text.slice(0, at) + swap + text.slice(at + 1)
      }
      expect(parseEmDateTime(text), text).toBe(byRoundTrip(text))
    }
  })
})
