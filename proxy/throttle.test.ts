import { describe, expect, it } from 'vitest'
import { createThrottle, retryAfterSeconds } from './throttle.ts'

function setup(maxKeys = 100) {
  let clock = 1_000_000
  const throttle = createThrottle({
    burst: 3,
    baseDelayMs: 1000,
    maxDelayMs: 8000,
    leakMs: 60_000,
    maxKeys,
    now: () => clock,
  })
  return { throttle, advance: (ms: number) => (clock += ms) }
}

describe('createThrottle', () => {
  it('lets a burst through, then doubles the wait with each failure up to the cap', () => {
    const { throttle, advance } = setup()
    const waits: number[] = []
    for (let i = 0; i < 8; i++) {
      const wait = throttle.waitMs('a')
      waits.push(wait)
      advance(wait)
      throttle.attempt('a')
    }
    expect(waits).toEqual([0, 0, 0, 1000, 2000, 4000, 8000, 8000])
    expect(throttle.waitMs('b')).toBe(0)
  })

  it('counts attempts as they start, so a parallel burst is held back too, and refunds what was no guess', () => {
    const { throttle } = setup()
    for (let i = 0; i < 3; i++) throttle.attempt('a')
    expect(throttle.waitMs('a')).toBe(1000)
    throttle.refund('a')
    expect(throttle.waitMs('a')).toBe(0)
    throttle.forget('a')
    throttle.attempt('a')
    throttle.attempt('a')
    throttle.attempt('a')
    expect(throttle.waitMs('a')).toBe(1000)
  })

  it('lets one failure leak away per leakMs, so occasional failures never add up; remembers at most maxKeys', () => {
    const { throttle, advance } = setup(2)
    for (let i = 0; i < 5; i++) throttle.attempt('a')
    expect(throttle.waitMs('a')).toBe(4000)
    advance(60_000)
    expect(throttle.waitMs('a')).toBe(0)
    throttle.attempt('a')
    expect(throttle.waitMs('a')).toBe(4000)
    advance(5 * 60_000)
    expect(throttle.waitMs('a')).toBe(0)
    // A failure a minute, for an hour: never a wait.
    for (let i = 0; i < 60; i++) {
      expect(throttle.waitMs('b')).toBe(0)
      throttle.attempt('b')
      advance(60_000)
    }

    for (const key of ['x', 'y', 'z']) for (let i = 0; i < 3; i++) throttle.attempt(key)
    expect(['x', 'y', 'z'].map((key) => throttle.waitMs(key))).toEqual([0, 1000, 1000])
  })

  it('says Retry-After in whole seconds, at least 1', () => {
    expect([1, 999, 1000, 1001, 8000].map(retryAfterSeconds)).toEqual(['1', '1', '1', '2', '8'])
  })
})
