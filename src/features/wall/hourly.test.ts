import { describe, expect, it } from 'vitest'
import { runningSession, session } from '@/test/domain-fixtures.ts'
import { hourlyBuckets, hourStart } from './hourly.ts'

const HOUR = 3_600_000

describe('hourlyBuckets', () => {
  it('makes 24 local hours ending with the current one, counting each session once by result', () => {
    const now = new Date(2025, 9, 20, 12, 34, 0).getTime()
    const thisHour = hourStart(now)
    const buckets = hourlyBuckets(
      [
        session('a', thisHour + 60_000),
        runningSession('b', now - 1000),
        session('a', thisHour - 1, { result: 'Failed' }),
        session('a', thisHour - 23 * HOUR, { result: 'Warning' }),
        session('a', thisHour - 24 * HOUR),
      ],
      now,
    )
    expect(buckets).toHaveLength(24)
    expect(buckets[23]).toMatchObject({ start: thisHour, success: 1, noResult: 1, failed: 0 })
    expect(buckets[22]).toMatchObject({ failed: 1 })
    expect(buckets[0]).toMatchObject({ start: thisHour - 23 * HOUR, warning: 1, success: 0 })
    expect(buckets.reduce((n, b) => n + b.success + b.warning + b.failed + b.noResult, 0)).toBe(4)
    expect(buckets[23]?.label).toMatch(/^12[:.]00$/)
  })
})
