import { describe, expect, it } from 'vitest'
import type { ReplicaSessionRecord } from '../data/records.ts'
import { jobRecord, querySource, serverRecord, sessionRecord, taskRecord } from '../data/test-records.ts'
import { QueryError } from './query-error.ts'
import { type QueryParams, runQuery } from './run-query.ts'

const session = sessionRecord
const task = taskRecord
const job = (id: string, name: string) => jobRecord(id, { name })
const server = (id: string, name: string) => serverRecord(id, { name, version: '13' })
const sourceOf = querySource

const sentinel = { endTimeMode: 'sentinel' } as const
const ids = (items: readonly { id: string }[]) => items.map((item) => item.id)

const sessions = [
  session('e', { creationTime: 30, jobName: 'beta', result: 'Warning', endTime: 300, isRetry: true }),
  session('b', { creationTime: 10, jobName: 'Alpha', result: 'Failed', endTime: null, state: 'Working' }),
  session('D', { creationTime: 20, jobName: 'alpha', result: 'None', endTime: 250, jobId: 'job-2' }),
  session('a', { creationTime: 20, jobName: 'Gamma', result: 'Success', endTime: null, state: 'Starting' }),
  session('c', { creationTime: 40, jobName: 'ALPHA', result: 'Success', endTime: 150 }),
]
const small = sourceOf({ sessions })

describe('runQuery ordering', () => {
  it.each<[QueryParams, string[]]>([
    // Default: CreationTime ascending, ties by UID ascending ignoring case.
    [{}, ['b', 'a', 'D', 'e', 'c']],
    [{ sortAsc: 'CreationTime' }, ['b', 'a', 'D', 'e', 'c']],
    [{ sortDesc: 'CreationTimeUTC' }, ['c', 'e', 'a', 'D', 'b']],
    [{ sortAsc: 'jobname' }, ['b', 'c', 'D', 'e', 'a']],
    [{ sortDesc: 'JobName' }, ['a', 'e', 'b', 'c', 'D']],
    [{ sortAsc: 'Result' }, ['D', 'a', 'c', 'e', 'b']],
    [{ sortDesc: 'result' }, ['b', 'e', 'a', 'c', 'D']],
    // Unknown ends sort smallest.
    [{ sortAsc: 'EndTime' }, ['a', 'b', 'c', 'D', 'e']],
    [{ sortDesc: 'EndTimeUTC' }, ['e', 'D', 'c', 'a', 'b']],
    [{ sortAsc: 'IsRetry' }, ['a', 'b', 'c', 'D', 'e']],
    [{ sortDesc: 'IsRetry' }, ['e', 'a', 'b', 'c', 'D']],
    [{ sortAsc: 'State' }, ['a', 'b', 'c', 'D', 'e']],
    [{ sortDesc: 'UID' }, ['e', 'D', 'c', 'b', 'a']],
    [{ sortAsc: 'JobUid' }, ['a', 'b', 'c', 'e', 'D']],
  ])('%j', (params, expected) => {
    expect(ids(runQuery(small, 'ReplicaJobSession', params, sentinel).items)).toEqual(expected)
  })

  it('orders jobs and servers by Name by default, ties by UID', () => {
    const source = sourceOf({
      jobs: [job('j3', 'b'), job('j2', 'A'), job('j1', 'a')],
      servers: [server('s2', 'vbr2'), server('s1', 'VBR2'), server('s0', 'vbr10')],
    })
    expect(ids(runQuery(source, 'Job', {}, sentinel).items)).toEqual(['j1', 'j2', 'j3'])
    expect(ids(runQuery(source, 'BackupServer', {}, sentinel).items)).toEqual(['s0', 's1', 's2'])
  })

  it('sorts tasks by their own Long field and by their parent session fields', () => {
    const source = sourceOf({
      sessions: [session('s1', { jobName: 'Zeta' }), session('s2', { jobName: 'Eta' })],
      tasks: [
        task('t1', { totalSize: 17_179_869_184 }),
        task('t2', { totalSize: 8_589_934_592, sessionId: 's2' }),
        task('t3', { totalSize: 64_424_509_440 }),
      ],
    })
    expect(ids(runQuery(source, 'ReplicaTaskSession', { sortAsc: 'TotalSize' }, sentinel).items)).toEqual([
      't2',
      't1',
      't3',
    ])
    expect(ids(runQuery(source, 'ReplicaTaskSession', { sortDesc: 'JobName' }, sentinel).items)).toEqual([
      't1',
      't3',
      't2',
    ])
  })
})

describe('runQuery filtering', () => {
  it('filters, then sorts', () => {
    const page = runQuery(
      small,
      'ReplicaJobSession',
      { filter: 'JobName==alpha', sortDesc: 'CreationTime' },
      sentinel,
    )
    expect(ids(page.items)).toEqual(['c', 'D', 'b'])
  })

  it('treats an empty filter as no filter', () => {
    expect(runQuery(small, 'ReplicaJobSession', { filter: '' }, sentinel).items).toHaveLength(5)
  })

  it('applies the end-time mode', () => {
    const filter = { filter: 'EndTime<200' }
    expect(() => runQuery(small, 'ReplicaJobSession', filter, sentinel)).toThrow(QueryError)
    const before = { filter: 'EndTime<1970-01-01T00:00:00.0002Z' }
    expect(ids(runQuery(small, 'ReplicaJobSession', before, sentinel).items)).toEqual(['b', 'a', 'c'])
    expect(ids(runQuery(small, 'ReplicaJobSession', before, { endTimeMode: 'empty' }).items)).toEqual(['c'])
    expect(ids(runQuery(small, 'ReplicaJobSession', before, { endTimeMode: 'absent' }).items)).toEqual(['c'])
  })

  it.each<[QueryParams, string]>([
    [{ filter: 'Progress==5' }, "Unknown filter field 'Progress' for type ReplicaJobSession."],
    [{ sortAsc: 'Progress' }, "Unknown sort field 'Progress' for type ReplicaJobSession."],
    [
      { filter: 'Result==Failed;', sortAsc: 'Progress' },
      "Filter syntax error at position 14 near ';': expected a comparison",
    ],
  ])('rejects %j', (params, message) => {
    expect(() => runQuery(small, 'ReplicaJobSession', params, sentinel)).toThrow(message)
  })
})

describe('runQuery paging', () => {
  const many = sourceOf({
    sessions: Array.from({ length: 250 }, (_, i) =>
      session(`s${String(i).padStart(3, '0')}`, { creationTime: i }),
    ),
  })

  it.each<
    [QueryParams, { first?: string; count: number; pageNum: number; pageSize: number; pagesCount: number }]
  >([
    [{}, { first: 's000', count: 100, pageNum: 1, pageSize: 100, pagesCount: 3 }],
    [{ page: 3 }, { first: 's200', count: 50, pageNum: 3, pageSize: 100, pagesCount: 3 }],
    // Past the end: an empty page, not an error.
    [{ page: 4 }, { count: 0, pageNum: 4, pageSize: 100, pagesCount: 3 }],
    [{ pageSize: 250 }, { first: 's000', count: 250, pageNum: 1, pageSize: 250, pagesCount: 1 }],
    [
      { pageSize: 7, page: 36 },
      { first: 's245', count: 5, pageNum: 36, pageSize: 7, pagesCount: 36 },
    ],
    [{ pageSize: 5000 }, { first: 's000', count: 250, pageNum: 1, pageSize: 1000, pagesCount: 1 }],
    [
      { pageSize: 0, page: 0 },
      { first: 's000', count: 1, pageNum: 1, pageSize: 1, pagesCount: 250 },
    ],
    [
      { pageSize: Number.NaN, page: Number.NaN },
      { first: 's000', count: 100, pageNum: 1, pageSize: 100, pagesCount: 3 },
    ],
    [
      { pageSize: 2.7, page: 2.9 },
      { first: 's002', count: 2, pageNum: 2, pageSize: 2, pagesCount: 125 },
    ],
    [
      { pageSize: 1, page: 250 },
      { first: 's249', count: 1, pageNum: 250, pageSize: 1, pagesCount: 250 },
    ],
    [
      { filter: 'CreationTime<1970-01-01T00:00:00.00001Z', pageSize: 4 },
      { first: 's000', count: 4, pageNum: 1, pageSize: 4, pagesCount: 3 },
    ],
  ])('%j', (params, expected) => {
    const page = runQuery(many, 'ReplicaJobSession', params, sentinel)
    expect({
      first: page.items[0]?.id,
      count: page.items.length,
      pageNum: page.pageNum,
      pageSize: page.pageSize,
      pagesCount: page.pagesCount,
    }).toEqual({ first: undefined, ...expected })
  })

  it('reports page 1 of 1 for an empty result', () => {
    const page = runQuery(many, 'ReplicaJobSession', { filter: 'Result==Failed' }, sentinel)
    expect(page).toEqual({ items: [], pageNum: 1, pageSize: 100, pagesCount: 1 })
    expect(runQuery(sourceOf({}), 'BackupServer', {}, sentinel)).toEqual({
      items: [],
      pageNum: 1,
      pageSize: 100,
      pagesCount: 1,
    })
  })
})

// Past a few thousand matches the engine walks a cached presorted order instead of sorting the matches:
// both routes must agree with a plain sort, also after the store changes.
describe('runQuery on a large store', () => {
  const random = (() => {
    let state = 11
    return () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
      return state / 2_147_483_648
    }
  })()
  const big = Array.from({ length: 5000 }, (_, i) =>
    session(`id-${(i * 7919) % 5000}`, {
      creationTime: Math.floor(random() * 100_000),
      endTime: random() < 0.1 ? null : Math.floor(random() * 100_000),
      jobName: `Job ${Math.floor(random() * 20)}`,
      result: random() < 0.7 ? 'Success' : 'Failed',
    }),
  )
  const source = sourceOf({ sessions: big })

  function expected(filter: (s: ReplicaSessionRecord) => boolean, byEndDesc: boolean): string[] {
    const end = (s: ReplicaSessionRecord) => s.endTime ?? Number.NEGATIVE_INFINITY
    return big
      .filter(filter)
      .sort((a, b) => (byEndDesc ? end(b) - end(a) : 0) || (a.id.toUpperCase() < b.id.toUpperCase() ? -1 : 1))
      .map((s) => s.id)
  }

  it.each([
    ['', () => true],
    ['Result==Success', (s: ReplicaSessionRecord) => s.result === 'Success'],
    [
      'Result==Failed;JobName=="job 3"',
      (s: ReplicaSessionRecord) => s.result === 'Failed' && s.jobName === 'Job 3',
    ],
  ])('pages %j sorted by EndTime descending like a plain sort', (filter, keep) => {
    for (let round = 0; round < 3; round++) {
      const all = expected(keep, true)
      const pageSize = 700
      for (let page = 1; page <= Math.ceil(all.length / pageSize) + 1; page++) {
        const result = runQuery(
          source,
          'ReplicaJobSession',
          { filter, sortDesc: 'EndTime', pageSize, page },
          sentinel,
        )
        expect(ids(result.items)).toEqual(all.slice((page - 1) * pageSize, page * pageSize))
        expect(result.pagesCount).toBe(Math.max(1, Math.ceil(all.length / pageSize)))
      }
      // The store moves on: a running session ends, a new one starts.
      const running = big.find((s) => s.endTime === null)
      if (running !== undefined) running.endTime = 99_999 - round
      big.push(session(`new-${round}`, { endTime: null, jobName: 'Job 3', result: 'Failed' }))
      source.version++
    }
  })
})
