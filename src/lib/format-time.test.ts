import { describe, expect, it } from 'vitest'
import { formatAge, formatUtc } from './format-time.ts'

describe('formatUtc', () => {
  it('drops zero milliseconds and keeps others', () => {
    expect(formatUtc(Date.UTC(2025, 9, 19, 6, 46, 31))).toBe('2025-10-19T06:46:31Z')
    expect(formatUtc(Date.UTC(2025, 9, 19, 6, 46, 31, 220))).toBe('2025-10-19T06:46:31.220Z')
  })
})

describe('formatAge', () => {
  it.each([
    [0, '0 s'],
    [59_000, '59 s'],
    [61_000, '1 min'],
    [3 * 3_600_000, '3 h'],
    [72 * 3_600_000, '3 d'],
  ])('%s ms → %s', (ms, text) => {
    expect(formatAge(ms)).toBe(text)
  })
})
