import { describe, expect, it } from 'vitest'
import { job, pageOf, runningSession, session } from '@/test/domain-fixtures.ts'
import {
  countResults,
  coverageOf,
  DAY_MS,
  jobsLatestFailed,
  mergeSessions,
  successRate,
} from './wall-stats.ts'

const NOW = Date.parse('2025-10-20T12:00:00Z')
const HOUR = 3_600_000

describe('countResults and successRate', () => {
  it('counts runs, not sessions: a failure and its automatic retries are one run, judged by its last session', () => {
    const sessions = [
      session('a', NOW - 3 * HOUR, { result: 'Failed' }),
      session('a', NOW - 3 * HOUR + 600_000, { result: 'Failed', isRetry: true }),
      session('a', NOW - 3 * HOUR + 1_200_000, { result: 'Failed', isRetry: true }),
      session('b', NOW - 2 * HOUR, { result: 'Failed' }),
      session('b', NOW - 2 * HOUR + 600_000, { isRetry: true }),
      session('c', NOW - HOUR, { result: 'Warning' }),
    ]
    const counts = countResults(sessions, NOW - DAY_MS)
    expect(counts).toEqual({
      success: 1,
      warning: 1,
      failed: 1,
      noResult: 0,
      failedSessions: 3,
      warningSessions: 1,
    })
    expect(successRate(counts)).toBe(1 / 3)
  })

  it('counts the sessions of the window by result, running ones apart', () => {
    const sessions = [
      session('a', NOW - HOUR),
      session('a', NOW - 2 * HOUR, { result: 'Failed' }),
      session('b', NOW - 3 * HOUR, { result: 'Warning' }),
      session('b', NOW - 4 * HOUR),
      runningSession('c', NOW - 10 * 60_000),
      session('d', NOW - 5 * HOUR, { result: 'Mystery' }),
      session('a', NOW - DAY_MS - 1, { result: 'Failed' }),
    ]
    const counts = countResults(sessions, NOW - DAY_MS)
    expect(counts).toEqual({
      success: 2,
      warning: 1,
      failed: 1,
      noResult: 2,
      failedSessions: 1,
      warningSessions: 1,
    })
    expect(successRate(counts)).toBe(0.5)
  })

  it('has no rate when nothing finished', () => {
    expect(successRate(countResults([runningSession('a', NOW)], 0))).toBeNull()
  })
})

describe('jobsLatestFailed', () => {
  it('lists jobs whose newest finished session failed, a running retry not hiding the failure', () => {
    const jobs = [job('a'), job('b'), job('c'), job('d')]
    const failedA = session('a', NOW - HOUR, { result: 'Failed' })
    const failedC = session('c', NOW - 3 * HOUR, { result: 'Failed' })
    const sessions = [
      runningSession('a', NOW - 60_000),
      failedA,
      session('a', NOW - 2 * HOUR),
      session('b', NOW - HOUR),
      session('b', NOW - 2 * HOUR, { result: 'Failed' }),
      failedC,
    ]
    expect(jobsLatestFailed(jobs, sessions)).toEqual([
      { job: jobs[0], session: failedA },
      { job: jobs[2], session: failedC },
    ])
  })

  it('matches job UIDs ignoring case', () => {
    const failed = session('a', NOW, { result: 'Failed', jobUid: 'URN:VEEAM:JOB:A' })
    expect(jobsLatestFailed([job('a')], [failed])).toHaveLength(1)
  })
})

describe('coverageOf and mergeSessions', () => {
  it('says how far back a truncated answer reaches', () => {
    expect(coverageOf(pageOf([session('a', NOW)]))).toEqual({ complete: true, since: null })
    expect(coverageOf(pageOf([session('a', NOW), session('a', NOW - HOUR)], 3))).toEqual({
      complete: false,
      since: NOW - HOUR,
    })
  })

  it('keeps each session once, newest first', () => {
    const a = session('a', NOW - HOUR)
    const b = session('b', NOW)
    expect(mergeSessions([a], [b, a])).toEqual([b, a])
  })
})
