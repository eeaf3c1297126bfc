import { describe, expect, it } from 'vitest'
import { isNewFailure, markNow, newFailuresFilter, SAME_VISIT_MS, sinceOnShow } from './new-failures.ts'

const T = Date.parse('2026-03-12T12:40:00Z')
// Seen at 12:40 by the browser; the newest failure EM had reported then ended at 12:31 (EM's clock).
const SEEN = { at: T, after: T - 9 * 60_000 }

describe('isNewFailure', () => {
  it.each([
    ['Failed', SEEN.after + 1, true],
    ['Warning', T - 5 * 60_000, true],
    ['failed', T + 60_000, true],
    ['Failed', SEEN.after, false],
    ['Warning', SEEN.after - 60_000, false],
    ['Success', T + 1, false],
    ['None', T + 1, false],
  ])('%s ending at %d → %s', (result, endTime, expected) => {
    expect(isNewFailure({ result, endTime }, SEEN)).toBe(expected)
  })

  it('a failure collected late, ended before the user left, is still new', () => {
    // Ended 12:35, reported by EM's 12:45 collection: after the newest one the user could have seen.
    expect(isNewFailure({ result: 'Failed', endTime: T - 5 * 60_000 }, SEEN)).toBe(true)
  })

  it('marks nothing without a mark to compare with, and nothing still running', () => {
    expect(isNewFailure({ result: 'Failed', endTime: T }, null)).toBe(false)
    expect(isNewFailure({ result: 'Failed', endTime: null }, SEEN)).toBe(false)
  })
})

describe('markNow', () => {
  it('keeps the newest failure EM reports, else the previous mark’s, else the browser’s clock', () => {
    expect(markNow(T, T - 1000, SEEN)).toEqual({ at: T, after: T - 1000 })
    expect(markNow(T, undefined, SEEN)).toEqual({ at: T, after: SEEN.after })
    expect(markNow(T, null, null)).toEqual({ at: T, after: T })
  })
})

describe('sinceOnShow', () => {
  it('a first visit ever marks nothing', () => {
    expect(sinceOnShow({ tabSince: null, lastSeen: null, now: T })).toBeNull()
  })

  it('a new tab starts from when the browser last saw the explorer', () => {
    const lastSeen = { at: T - 3_600_000, after: T - 4_000_000 }
    expect(sinceOnShow({ tabSince: null, lastSeen, now: T })).toEqual(lastSeen)
  })

  it('a tab keeps its marks through a reload or a short time away', () => {
    const tabSince = { at: T - 7_200_000, after: T - 7_300_000 }
    expect(sinceOnShow({ tabSince, lastSeen: { at: T - 5_000, after: T }, now: T })).toBe(tabSince)
    expect(sinceOnShow({ tabSince, lastSeen: { at: T - SAME_VISIT_MS + 1, after: T }, now: T })).toBe(
      tabSince,
    )
  })

  it('coming back after lunch starts from when the explorer was last on screen', () => {
    const lastSeen = { at: T - SAME_VISIT_MS, after: T - SAME_VISIT_MS - 60_000 }
    expect(sinceOnShow({ tabSince: { at: T - 7_200_000, after: 0 }, lastSeen, now: T })).toBe(lastSeen)
  })
})

describe('newFailuresFilter', () => {
  it('asks EM for Failed or Warning sessions that ended after the mark’s failure', () => {
    expect(newFailuresFilter(SEEN)).toEqual({ results: ['Failed', 'Warning'], endFrom: SEEN.after + 1 })
  })
})
