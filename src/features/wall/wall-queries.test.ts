import { describe, expect, it } from 'vitest'
import { buildQueryPath } from '@/em/session-query-path.ts'
import { v } from '@/lib/valibot.ts'
import { session } from '@/test/domain-fixtures.ts'
import { wallSearchSchema } from './search-params.ts'
import { wallQueries } from './wall-queries.ts'

const HOUR = 3_600_000

function queriesFor(search: Record<string, unknown>) {
  return wallQueries(v.parse(wallSearchSchema, search))
}

describe('wallQueries', () => {
  it('asks for the newest sessions, newest first, with no time in any URL', () => {
    const q = queriesFor({ created: '24h', ended: '1h', job: 'SQL' })
    expect(q.recent).toEqual({
      filter: expect.objectContaining({ jobName: 'SQL', creationFrom: undefined, endFrom: undefined }),
      sort: { field: 'CreationTime', dir: 'desc' },
      page: 1,
      pageSize: 1000,
    })
    // Two screens opened at different times send the same requests (the proxy can coalesce them).
    expect(buildQueryPath(queriesFor({ created: '24h' }).recent)).toBe(buildQueryPath(queriesFor({}).recent))
  })

  it('keeps absolute time bounds in the query, where they are stable', () => {
    const q = queriesFor({ createdFrom: '2025-10-19T06:00:00Z' })
    expect(q.recent.filter.creationFrom).toBe(Date.parse('2025-10-19T06:00:00Z'))
  })

  it('applies relative windows in the browser', () => {
    const now = Date.parse('2025-10-20T12:00:00Z')
    const q = queriesFor({ created: '1h' })
    expect(q.inWindow(session('a', now - 30 * 60_000), now)).toBe(true)
    expect(q.inWindow(session('a', now - 2 * HOUR), now)).toBe(false)
    const ended = queriesFor({ ended: '1h' })
    expect(ended.inWindow(session('a', now - 2 * HOUR, { endTime: now - 10 * 60_000 }), now)).toBe(true)
    expect(ended.inWindow(session('a', now - 2 * HOUR, { endTime: null }), now)).toBe(false)
  })

  it('asks for running sessions in the running states the filter allows', () => {
    expect(queriesFor({}).running.filter.states).toEqual([
      'Starting',
      'Stopping',
      'Working',
      'Pausing',
      'Resuming',
    ])
    const working = queriesFor({ state: ['Working', 'Stopped'] })
    expect(working.running.filter.states).toEqual(['Working'])
    expect(working.runningPossible).toBe(true)
    expect(queriesFor({ state: ['Stopped'] }).runningPossible).toBe(false)
    // Running sessions have no result yet (§7).
    expect(queriesFor({ result: ['Failed'] }).runningPossible).toBe(false)
  })

  it('scopes the job queries to the job and server keys only', () => {
    const q = queriesFor({
      job: 'SQL',
      server: 'srv02',
      result: ['Failed'],
      retry: 'only',
      q: 'State==Working',
    })
    expect(q.jobScope).toEqual({
      jobUid: undefined,
      jobName: 'SQL',
      jobType: undefined,
      backupServerUid: undefined,
      backupServerName: 'srv02',
    })
    expect(q.jobRecent.filter).toEqual(q.jobScope)
  })
})
