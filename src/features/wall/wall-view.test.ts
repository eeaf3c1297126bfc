import { describe, expect, it } from 'vitest'
import { job, pageOf, runningSession, session } from '@/test/domain-fixtures.ts'
import { wallSearchSchema } from './search-params.ts'
import { wallQueries } from './wall-queries.ts'
import { needsSuccessQuery, wallView } from './wall-view.ts'

const NOW = Date.parse('2025-10-20T12:00:00Z')
const HOUR = 3_600_000
const RPO = 24 * HOUR

describe('wallView', () => {
  const queries = wallQueries(wallSearchSchema.parse({}))

  it('builds tiles and list from the answers: the day, running sessions however old, and the job tiles', () => {
    const oldRunning = runningSession('long', NOW - 30 * HOUR)
    const failed = session('b', NOW - 2 * HOUR, { result: 'Failed' })
    const recent = pageOf([
      runningSession('a', NOW - 60_000),
      session('a', NOW - HOUR),
      failed,
      session('c', NOW - 30 * HOUR),
    ])
    const view = wallView(
      {
        recent,
        running: pageOf([oldRunning]),
        jobRecent: recent,
        jobSuccesses: undefined,
        jobs: pageOf([job('a'), job('b'), job('c')]),
      },
      queries,
      { rpoMs: RPO, now: NOW },
    )
    expect(view.counts).toEqual({ success: 1, warning: 0, failed: 1, noResult: 1 })
    expect(view.rate).toBe(0.5)
    expect(view.running.map((s) => s.jobName)).toEqual(['a', 'long'])
    expect(view.list.map((s) => s.jobName)).toEqual(['b', 'a', 'long', 'a'])
    expect(view.jobs?.latestFailed.map((j) => j.job.name)).toEqual(['b'])
    expect(view.jobs?.silent.map((j) => j.job.name)).toEqual(['b', 'c'])
    expect(view.jobs?.rpoCovered).toBe(true)
    expect(view.partialSince).toBeNull()
  })

  it('has no job tiles until the job list arrives', () => {
    const recent = pageOf([session('a', NOW)])
    const view = wallView(
      { recent, running: undefined, jobRecent: recent, jobSuccesses: undefined, jobs: undefined },
      queries,
      {
        rpoMs: RPO,
        now: NOW,
      },
    )
    expect(view.jobs).toBeNull()
  })

  it('applies the filter’s relative window to everything it shows', () => {
    const lastHour = wallQueries(wallSearchSchema.parse({ created: '1h' }))
    const recent = pageOf([
      session('a', NOW - 10 * 60_000),
      session('a', NOW - 2 * HOUR, { result: 'Failed' }),
    ])
    const view = wallView(
      { recent, running: undefined, jobRecent: recent, jobSuccesses: undefined, jobs: undefined },
      lastHour,
      {
        rpoMs: RPO,
        now: NOW,
      },
    )
    expect(view.counts.failed).toBe(0)
    expect(view.list).toHaveLength(1)
  })

  it('says when the newest sessions do not cover the whole day', () => {
    const recent = pageOf([session('a', NOW - HOUR)], 5)
    const view = wallView(
      { recent, running: undefined, jobRecent: recent, jobSuccesses: undefined, jobs: undefined },
      queries,
      {
        rpoMs: RPO,
        now: NOW,
      },
    )
    expect(view.partialSince).toBe(NOW - HOUR)
  })

  it('uses the success-only answer for the RPO when the newest sessions stop short of it', () => {
    const jobRecent = pageOf([session('a', NOW - HOUR, { result: 'Failed' })], 4)
    expect(needsSuccessQuery(jobRecent, RPO, NOW)).toBe(true)
    const jobSuccesses = pageOf([session('a', NOW - 20 * HOUR)])
    const view = wallView(
      { recent: jobRecent, running: undefined, jobRecent, jobSuccesses, jobs: pageOf([job('a'), job('b')]) },
      queries,
      { rpoMs: RPO, now: NOW },
    )
    expect(view.jobs?.silent.map((j) => j.job.name)).toEqual(['b'])
    expect(view.jobs?.rpoCovered).toBe(true)
  })

  it('does not need the success-only answer when the newest sessions reach back over the RPO', () => {
    expect(needsSuccessQuery(pageOf([session('a', NOW)]), RPO, NOW)).toBe(false)
    expect(needsSuccessQuery(pageOf([session('a', NOW - 25 * HOUR)], 2), RPO, NOW)).toBe(false)
  })

  it('counts only the jobs in scope', () => {
    const scoped = wallQueries(wallSearchSchema.parse({ server: 'SRV02' }))
    const recent = pageOf([])
    const view = wallView(
      {
        recent,
        running: undefined,
        jobRecent: recent,
        jobSuccesses: undefined,
        jobs: pageOf([job('a', 'srv01'), job('b', 'srv02')]),
      },
      scoped,
      { rpoMs: RPO, now: NOW },
    )
    expect(view.jobs?.silent.map((j) => j.job.name)).toEqual(['b'])
  })

  it('without a job list (EM refused it, em-api.md §10) takes the jobs from the sessions, and says where from', () => {
    const recent = pageOf([
      session('a', NOW - HOUR),
      session('b', NOW - 2 * HOUR, { result: 'Failed' }),
      session('c', NOW - 30 * HOUR),
    ])
    const view = wallView(
      {
        recent,
        running: undefined,
        jobRecent: recent,
        jobSuccesses: undefined,
        jobs: undefined,
        jobsRefused: true,
      },
      queries,
      { rpoMs: RPO, now: NOW },
    )
    expect(view.jobs?.source).toBe('sessions')
    expect(view.jobs?.latestFailed.map((j) => j.job.name)).toEqual(['b'])
    expect(view.jobs?.silent.map((j) => j.job.name)).toEqual(['b', 'c'])
    expect(view.jobs?.rpoCovered).toBe(true)
    const readable = wallView(
      { recent, running: undefined, jobRecent: recent, jobSuccesses: undefined, jobs: pageOf([job('a')]) },
      queries,
      { rpoMs: RPO, now: NOW },
    )
    expect(readable.jobs?.source).toBe('jobs')
  })

  it('reads the jobs of the success-only answer too when it is the one covering the RPO', () => {
    const jobRecent = pageOf([session('a', NOW - HOUR, { result: 'Failed' })], 3)
    const jobSuccesses = pageOf([session('d', NOW - 2 * HOUR)])
    const view = wallView(
      { recent: jobRecent, running: undefined, jobRecent, jobSuccesses, jobs: undefined, jobsRefused: true },
      queries,
      { rpoMs: RPO, now: NOW },
    )
    expect(view.jobs?.latestFailed.map((j) => j.job.name)).toEqual(['a'])
    expect(view.jobs?.silent.map((j) => j.job.name)).toEqual(['a'])
  })
})
