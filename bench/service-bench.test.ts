import { describe, expect, it } from 'vitest'
import { steadyRatePerMinute } from './service-bench.ts'

const at = (copy: number, url: string, seconds: number) => ({ copy, method: 'GET', url, at: seconds * 1000 })

describe('steadyRatePerMinute', () => {
  it('counts each copy’s requests for each URL by the gaps between them, whatever the phase', () => {
    // One query refreshed every 30 s by each of two copies, which started 50 s apart: 2 + 2 per minute.
    expect(
      steadyRatePerMinute([
        at(0, '/q', 0),
        at(0, '/q', 30),
        at(1, '/q', 50),
        at(0, '/q', 60),
        at(1, '/q', 80),
      ]),
    ).toBeCloseTo(4)
  })

  it('adds nothing for a request EM saw only once', () => {
    expect(steadyRatePerMinute([at(0, '/a', 0), at(0, '/a', 20), at(0, '/b', 5)])).toBeCloseTo(3)
  })
})
