import { describe, expect, it } from 'vitest'
import { describeDuration, formatDuration } from './format-duration.ts'

describe('formatDuration', () => {
  it.each([
    [null, '—'],
    [-5, '—'],
    [0, '0:00'],
    [42_000, '0:42'],
    [725_000, '12:05'],
    [3_729_000, '1:02:09'],
    [2 * 86_400_000 + 3 * 3_600_000 + 600_000, '2d 03:10:00'],
  ])('%s ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })
})

describe('describeDuration', () => {
  it.each([
    [3_729_000, '1 hour 2 minutes 9 seconds'],
    [60_000, '1 minute'],
    [0, '0 seconds'],
    [null, 'unknown duration'],
  ])('%s ms → %s', (ms, text) => {
    expect(describeDuration(ms)).toBe(text)
  })
})
