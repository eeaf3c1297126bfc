import { describe, expect, it } from 'vitest'
import { requestRate } from './request-rate.ts'

describe('requestRate', () => {
  it('adds up each URL’s own rate, however the URLs of one refresh drift apart', () => {
    // Three queries every 30 s, the second and third a little later each round (their timers restart after a
    // slow fetch): a window cut at the first one's refresh would chop their last round.
    const times = {
      a: [0, 30_000, 60_000, 90_000],
      b: [500, 31_000, 61_500, 92_000],
      c: [1500, 33_000, 64_500, 96_000],
    }
    const rate = requestRate(times, 0)
    expect(rate.polled).toBe(3)
    expect(rate.perMinute).toBeCloseTo(2 + 2 * (30_000 / 30_500) + 2 * (30_000 / 31_500), 6)
    expect(rate.intervalS).toBeCloseTo((30 + 30.5 + 31.5) / 3, 6)
  })

  it('leaves out what came before the window and URLs asked only once in it', () => {
    const rate = requestRate({ load: [0], a: [0, 100_000, 130_000, 160_000] }, 50_000)
    expect(rate).toEqual({ perMinute: 2, polled: 1, intervalS: 30 })
  })

  it('measures nothing from no repeated request', () => {
    const rate = requestRate({ a: [1000] }, 0)
    expect(rate.perMinute).toBeNaN()
    expect(rate.intervalS).toBeNaN()
  })
})
