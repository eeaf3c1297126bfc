import { describe, expect, it } from 'vitest'
import { freshnessOf, type PollState, pollIntervalMs } from './freshness.ts'

const REFRESH = 30_000
const T = 1_000_000_000

const ok = (at: number): PollState => ({
  status: 'success',
  dataUpdatedAt: at,
  errorUpdatedAt: 0,
  errorUpdateCount: 0,
})
const failedAfter = (dataAt: number, errorAt: number, count = 1): PollState => ({
  status: 'error',
  dataUpdatedAt: dataAt,
  errorUpdatedAt: errorAt,
  errorUpdateCount: count,
})

describe('pollIntervalMs', () => {
  it('polls at the refresh interval while EM answers', () => {
    expect(pollIntervalMs(REFRESH, ok(T))).toBe(REFRESH)
  })

  it('backs off while EM keeps failing, to at most four intervals', () => {
    expect(pollIntervalMs(REFRESH, failedAfter(T, T + 30_000))).toBe(REFRESH)
    expect(pollIntervalMs(REFRESH, failedAfter(T, T + 90_000))).toBe(45_000)
    expect(pollIntervalMs(REFRESH, failedAfter(T, T + 3_600_000))).toBe(4 * REFRESH)
    expect(pollIntervalMs(REFRESH, failedAfter(0, T, 2))).toBe(REFRESH)
    expect(pollIntervalMs(REFRESH, failedAfter(0, T, 20))).toBe(4 * REFRESH)
  })
})

describe('freshnessOf', () => {
  it('is live with fresh data, and counts down to the next refresh', () => {
    const f = freshnessOf({
      states: [ok(T), ok(T + 2000)],
      fetching: false,
      refreshMs: REFRESH,
      now: T + 5000,
    })
    expect(f).toEqual({
      updatedAt: T,
      stale: false,
      saved: false,
      failing: false,
      nextAttemptAt: T + REFRESH,
      connection: 'live',
    })
  })

  it('turns stale only after twice the refresh interval', () => {
    const at = (now: number) => freshnessOf({ states: [ok(T)], fetching: true, refreshMs: REFRESH, now })
    expect(at(T + 2 * REFRESH).stale).toBe(false)
    expect(at(T + 2 * REFRESH + 1)).toMatchObject({ stale: true, connection: 'waiting', nextAttemptAt: null })
  })

  it('keeps the last good time when a refresh fails, and schedules the retry with backoff', () => {
    const f = freshnessOf({
      states: [ok(T + 90_000), failedAfter(T, T + 90_000)],
      fetching: false,
      refreshMs: REFRESH,
      now: T + 91_000,
    })
    expect(f).toEqual({
      updatedAt: T,
      stale: true,
      saved: false,
      failing: true,
      nextAttemptAt: T + 90_000 + 45_000,
      connection: 'failing',
    })
  })

  it('says data restored from an earlier visit is saved, not stale, until EM answers or fails', () => {
    const visitStart = T + 12 * 60_000
    const restored = { states: [ok(T)], refreshMs: REFRESH, now: visitStart + 200, pageStartedAt: visitStart }
    expect(freshnessOf({ ...restored, fetching: true })).toMatchObject({ saved: true, connection: 'saved' })
    const failed = freshnessOf({ ...restored, states: [failedAfter(T, visitStart + 100)], fetching: false })
    expect(failed).toMatchObject({ saved: true, failing: true, connection: 'failing' })
    const answered = freshnessOf({ ...restored, states: [ok(visitStart + 150)], fetching: false })
    expect(answered).toMatchObject({ saved: false, stale: false, connection: 'live' })
  })

  it('is connecting before the first answer', () => {
    const pending: PollState = { status: 'pending', dataUpdatedAt: 0, errorUpdatedAt: 0, errorUpdateCount: 0 }
    expect(freshnessOf({ states: [pending], fetching: true, refreshMs: REFRESH, now: T })).toEqual({
      updatedAt: null,
      stale: false,
      saved: false,
      failing: false,
      nextAttemptAt: null,
      connection: 'connecting',
    })
  })

  describe("with a kiosk proxy's shared copy (X-Kiosk-Age)", () => {
    const aged = (at: number, ageMs: number): PollState => ({ ...ok(at), data: { ageMs } })

    it('dates the data by when EM gave it, not when it arrived, and still polls from its arrival', () => {
      const f = freshnessOf({
        states: [aged(T, 45_000)],
        fetching: false,
        refreshMs: REFRESH,
        now: T + 1000,
        sharedCopyMs: REFRESH,
      })
      expect(f).toMatchObject({ updatedAt: T - 45_000, stale: false, nextAttemptAt: T + REFRESH })
    })

    it('allows one interval for the shared copy before the data turns stale, and no more', () => {
      const at = (ageMs: number) =>
        freshnessOf({
          states: [aged(T, ageMs)],
          fetching: false,
          refreshMs: REFRESH,
          now: T,
          sharedCopyMs: REFRESH,
        })
      expect(at(3 * REFRESH).stale).toBe(false)
      expect(at(3 * REFRESH + 1).stale).toBe(true)
      // Without the proxy's copy the bound is two intervals, as before.
      expect(
        freshnessOf({ states: [aged(T, 2 * REFRESH + 1)], fetching: false, refreshMs: REFRESH, now: T })
          .stale,
      ).toBe(true)
    })

    it('is not saved data when this visit got a copy EM gave before the visit started', () => {
      const visitStart = T - 1000
      const f = freshnessOf({
        states: [aged(T, 20_000)],
        fetching: false,
        refreshMs: REFRESH,
        now: T + 1000,
        sharedCopyMs: REFRESH,
        pageStartedAt: visitStart,
      })
      expect(f).toMatchObject({ updatedAt: T - 20_000, saved: false, connection: 'live' })
    })
  })
})
