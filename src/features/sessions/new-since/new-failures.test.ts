import { describe, expect, it } from 'vitest'
import { isNewFailure, newFailuresFilter, SAME_VISIT_MS, sinceOnShow } from './new-failures.ts'

const T = Date.parse('2026-03-12T12:40:00Z')

describe('isNewFailure', () => {
  it.each([
    ['Failed', T + 1, true],
    ['Warning', T, true],
    ['failed', T + 60_000, true],
    ['Failed', T - 1, false],
    ['Success', T + 1, false],
    ['None', T + 1, false],
  ])('%s ending at T%+d ms → %s', (result, endTime, expected) => {
    expect(isNewFailure({ result, endTime }, T)).toBe(expected)
  })

  it('marks nothing without a moment to compare with, and nothing still running', () => {
    expect(isNewFailure({ result: 'Failed', endTime: T }, null)).toBe(false)
    expect(isNewFailure({ result: 'Failed', endTime: null }, T)).toBe(false)
  })
})

describe('sinceOnShow', () => {
  it('a first visit ever marks nothing', () => {
    expect(sinceOnShow({ tabSince: null, lastSeen: null, now: T })).toBeNull()
  })

  it('a new tab starts from when the browser last saw the explorer, to the second', () => {
    expect(sinceOnShow({ tabSince: null, lastSeen: T - 3_600_000 + 123, now: T })).toBe(T - 3_600_000)
  })

  it('a tab keeps its marks through a reload or a short time away', () => {
    const tabSince = T - 7_200_000
    expect(sinceOnShow({ tabSince, lastSeen: T - 5_000, now: T })).toBe(tabSince)
    expect(sinceOnShow({ tabSince, lastSeen: T - SAME_VISIT_MS + 1, now: T })).toBe(tabSince)
  })

  it('coming back after lunch starts from when the explorer was last on screen', () => {
    const lastSeen = T - SAME_VISIT_MS
    expect(sinceOnShow({ tabSince: T - 7_200_000, lastSeen, now: T })).toBe(lastSeen)
  })
})

describe('newFailuresFilter', () => {
  it('asks EM for Failed or Warning sessions that ended at or after the moment', () => {
    expect(newFailuresFilter(T)).toEqual({ results: ['Failed', 'Warning'], endFrom: T })
  })
})
