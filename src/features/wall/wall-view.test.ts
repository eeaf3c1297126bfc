import { describe, expect, it } from 'vitest'
import { v } from '@/lib/valibot.ts'
import { job, pageOf, runningSession, session } from '@/test/domain-fixtures.ts'
import { wallSearchSchema } from './search-params.ts'
import { wallQueries } from './wall-queries.ts'
import { wallView } from './wall-view.ts'

const NOW = Date.parse('2025-10-20T12:00:00Z')
const HOUR = 3_600_000

describe('wallView', () => {
  const queries = wallQueries(v.parse(wallSearchSchema, {}))

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
        jobs: pageOf([job('a'), job('b'), job('c')]),
      },
      queries,
      { now: NOW },
    )
    expect(view.counts).toEqual({
      success: 1,
      warning: 0,
      failed: 1,
      noResult: 1,
      failedSessions: 1,
      warningSessions: 0,
    })
    expect(view.rate).toBe(0.5)
    expect(view.running.map((s) => s.jobName)).toEqual(['a', 'long'])
    expect(view.list.map((s) => s.jobName)).toEqual(['b', 'a', 'long', 'a'])
    expect(view.jobs?.latestFailed.map((j) => j.job.name)).toEqual(['b'])
    expect(view.partialSince).toBeNull()
  })

  it('has no job tiles until the job list arrives', () => {
    const recent = pageOf([session('a', NOW)])
    const view = wallView({ recent, running: undefined, jobRecent: recent, jobs: undefined }, queries, {
      now: NOW,
    })
    expect(view.jobs).toBeNull()
  })

  it('applies the filter’s relative window to everything it shows', () => {
    const lastHour = wallQueries(v.parse(wallSearchSchema, { created: '1h' }))
    const recent = pageOf([
      session('a', NOW - 10 * 60_000),
      session('a', NOW - 2 * HOUR, { result: 'Failed' }),
    ])
    const view = wallView({ recent, running: undefined, jobRecent: recent, jobs: undefined }, lastHour, {
      now: NOW,
    })
    expect(view.counts.failed).toBe(0)
    expect(view.list).toHaveLength(1)
  })

  it('says when the newest sessions do not cover the whole day', () => {
    const recent = pageOf([session('a', NOW - HOUR)], 5)
    const view = wallView({ recent, running: undefined, jobRecent: recent, jobs: undefined }, queries, {
      now: NOW,
    })
    expect(view.partialSince).toBe(NOW - HOUR)
  })

  it('counts only the jobs in scope', () => {
    const scoped = wallQueries(v.parse(wallSearchSchema, { server: 'SRV02' }))
    const recent = pageOf([])
    const view = wallView(
      {
        recent,
        running: undefined,
        jobRecent: pageOf([session('a', NOW, { result: 'Failed' }), session('b', NOW, { result: 'Failed' })]),
        jobs: pageOf([job('a', 'srv01'), job('b', 'srv02')]),
      },
      scoped,
      { now: NOW },
    )
    expect(view.jobs?.latestFailed.map((j) => j.job.name)).toEqual(['b'])
    expect(view.scope).toEqual(scoped.jobScope)
  })

  it('without a job list (EM refused it, em-api.md §10) takes the jobs from the sessions, and says where from', () => {
    const recent = pageOf([
      session('a', NOW - HOUR),
      session('b', NOW - 2 * HOUR, { result: 'Failed' }),
      session('c', NOW - 30 * HOUR),
    ])
    const view = wallView(
      { recent, running: undefined, jobRecent: recent, jobs: undefined, jobsRefused: true },
      queries,
      { now: NOW },
    )
    expect(view.jobs?.source).toBe('sessions')
    expect(view.jobs?.latestFailed.map((j) => j.job.name)).toEqual(['b'])
    const readable = wallView(
      { recent, running: undefined, jobRecent: recent, jobs: pageOf([job('a')]) },
      queries,
      { now: NOW },
    )
    expect(readable.jobs?.source).toBe('jobs')
    expect(readable.jobs?.latestFailed).toEqual([])
  })
})
