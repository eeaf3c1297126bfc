import { describe, expect, test } from 'vitest'
import { emFixture, stubEmFetch, TEST_SESSION, testQueryClient } from '@/test/stub-em-fetch.ts'
import { backupServerQueries } from './backup-server-queries.ts'
import { EmHttpError, EmLinkError } from './errors.ts'
import { jobQueries } from './job-queries.ts'
import { sessionQueries } from './session-queries.ts'
import { clearEmSession, setEmSession } from './session-token.ts'
import { setWireFormat } from './wire-format.ts'

const em = stubEmFetch()
const fixture = emFixture
const client = testQueryClient

describe('query keys', () => {
  test('every leaf key carries the wire format; the hierarchy prefixes hold', () => {
    const list = sessionQueries.list({ filter: {}, page: 1, pageSize: 100 }).queryKey
    expect(list.slice(0, 3)).toEqual([...sessionQueries.lists()])
    expect(list).toContainEqual({ format: 'xml' })
    expect(sessionQueries.lists().slice(0, 2)).toEqual([...sessionQueries.all()])
    const detail = sessionQueries.detail('abc').queryKey
    expect(detail.slice(0, 3)).toEqual([...sessionQueries.details()])
    expect(sessionQueries.tasks('abc', 'https://em/api/x').queryKey.slice(0, detail.length)).toEqual([
      ...detail,
    ])
    expect(sessionQueries.count({}).queryKey.slice(0, 3)).toEqual([...sessionQueries.counts()])
    expect(sessionQueries.history('urn:veeam:Job:j', 10).queryKey.slice(0, 2)).toEqual([
      ...sessionQueries.all(),
    ])
  })

  test('a format switch gives a different key; a new sign-in keeps it, so data stays while it refetches', () => {
    const before = sessionQueries.detail('abc').queryKey
    setWireFormat('json')
    const json = sessionQueries.detail('abc').queryKey
    setEmSession({ ...TEST_SESSION, sessionId: 'sid-2' })
    const relogged = sessionQueries.detail('abc').queryKey
    expect(JSON.stringify(json)).not.toBe(JSON.stringify(before))
    expect(relogged).toEqual(json)
    for (const options of [
      jobQueries.replicaList(),
      jobQueries.detail('h'),
      backupServerQueries.list(),
      backupServerQueries.detail('h'),
    ]) {
      expect(options.queryKey).toContainEqual({ format: 'json' })
    }
  })
})

describe('query functions', () => {
  test('list: GETs the query path with the token and parses the page', async () => {
    em.answers.set(
      '/api/query?type=ReplicaJobSession&format=Entities&filter=Result%3D%3DSuccess&sortDesc=CreationTime&pageSize=1&page=2',
      fixture('query-replica-entities.xml'),
    )
    const page = await client().fetchQuery(
      sessionQueries.list({ filter: { results: ['Success'] }, page: 2, pageSize: 1 }),
    )
    expect(page.items.map((session) => session.name)).toEqual([
      'Fileserver02 Replication@2025-10-19 06:46:31',
    ])
    expect(em.requested[0]?.headers).toMatchObject({ Accept: 'application/xml', 'X-RestSvcSessionId': 'tok' })
  })

  test('list in JSON asks for JSON', async () => {
    setWireFormat('json')
    em.answers.set(
      '/api/query?type=ReplicaJobSession&format=Entities&sortDesc=CreationTime&pageSize=100&page=1',
      fixture('query-replica-entities.json'),
    )
    await client().fetchQuery(sessionQueries.list({ filter: {}, page: 1, pageSize: 100 }))
    expect(em.requested[0]?.headers).toMatchObject({ Accept: 'application/json' })
  })

  const refsPage = (count: number, pagesCount: number) =>
    `<QueryResult><Refs>${'<Ref UID="urn:veeam:ReplicaJobSession:a" Name="a" Href="https://em/api/replicaSessions/a" Type="ReplicaJobSessionReference"/>'.repeat(count)}</Refs><PagingInfo PageNum="1" PageSize="1" PagesCount="${pagesCount}"/></QueryResult>`

  test.each([
    [1, 37, 37],
    [1, 1, 1],
    // An empty result still reports one page (§4.5).
    [0, 1, 0],
  ])('count: %i ref(s) on page 1 of %i → %i sessions', async (refs, pagesCount, expected) => {
    em.answers.set(
      '/api/query?type=ReplicaJobSession&format=References&filter=State%3D%3DWorking&sortDesc=CreationTime&pageSize=1&page=1',
      refsPage(refs, pagesCount),
    )
    expect(await client().fetchQuery(sessionQueries.count({ states: ['Working'] }))).toBe(expected)
  })

  test('count: its request starts one task after the query, not in the task that started it', async () => {
    em.answers.set(
      '/api/query?type=ReplicaJobSession&format=References&filter=State%3D%3DWorking&sortDesc=CreationTime&pageSize=1&page=1',
      refsPage(1, 5),
    )
    const counted = client().fetchQuery(sessionQueries.count({ states: ['Working'] }))
    for (let i = 0; i < 20; i++) await Promise.resolve()
    expect(em.requested).toHaveLength(0)
    expect(await counted).toBe(5)
    expect(em.requested).toHaveLength(1)
  })

  test('detail: GETs /replicaSessions/{id}?format=Entity', async () => {
    em.answers.set(
      '/api/replicaSessions/0bcf%2F?format=Entity',
      fixture('query-replica-entities.xml')
        .replace(/[\s\S]*?(<ReplicaJobSession )/, '$1')
        .replace(/<\/ReplicaJobSessions>[\s\S]*/, ''),
    )
    const session = await client().fetchQuery(sessionQueries.detail('0bcf/'))
    expect(session.jobName).toBe('Fileserver02 Replication')
  })

  test.each([
    [
      'https://em.internal:9398/api/replicaSessions/f5bf/replicaTaskSessions',
      '/api/replicaSessions/f5bf/replicaTaskSessions?format=Entity',
    ],
    [
      'https://em.internal:9398/api/replicaSessions/f5bf/repicaTaskSessions',
      '/api/replicaSessions/f5bf/repicaTaskSessions?format=Entity',
    ],
    [
      'https://em.internal:9398/api/replicaSessions/f5bf/replicaTaskSessions?x=1',
      '/api/replicaSessions/f5bf/replicaTaskSessions?x=1&format=Entity',
    ],
  ])('tasks: follows %s as %s', async (href, path) => {
    em.answers.set(path, fixture('replica-task-sessions.xml'))
    const tasks = await client().fetchQuery(sessionQueries.tasks('f5bf', href))
    expect(tasks.map((task) => task.vmDisplayName)).toEqual(['ubuntu88'])
  })

  test('tasks: an empty Down list (older than 30 days) falls back to the query service by JobSessionUid', async () => {
    const id = '0bcf5a1e-866c-4b40-8bc3-ce64753b9a6b'
    const down = `/api/replicaSessions/${id}/replicaTaskSessions?format=Entity`
    em.answers.set(down, '<ReplicaTaskSessions xmlns="http://www.veeam.com/ent/v1.0" />')
    const query = `/api/query?type=ReplicaTaskSession&format=Entities&filter=${encodeURIComponent(`JobSessionUid=="urn:veeam:ReplicaJobSession:${id}"`)}&sortAsc=Name&pageSize=1000&page=1`
    const tasks = fixture('replica-task-sessions.xml')
      .replace(
        /<ReplicaTaskSessions[^>]*>/,
        '<QueryResult xmlns="http://www.veeam.com/ent/v1.0"><Entities><ReplicaTaskSessions>',
      )
      .replace(
        '</ReplicaTaskSessions>',
        '</ReplicaTaskSessions></Entities><PagingInfo PageNum="1" PageSize="1000" PagesCount="1"/></QueryResult>',
      )
    em.answers.set(query, tasks)
    const found = await client().fetchQuery(
      sessionQueries.tasks(id, `https://em.internal:9398/api/replicaSessions/${id}/replicaTaskSessions`),
    )
    expect(found.map((task) => task.vmDisplayName)).toEqual(['ubuntu88'])
    expect(em.requested.map((request) => request.path)).toEqual([down, query])
  })

  test('tasks: a Down list with tasks is the answer; the query service is not asked', async () => {
    em.answers.set(
      '/api/replicaSessions/f5bf/replicaTaskSessions?format=Entity',
      fixture('replica-task-sessions.xml'),
    )
    await client().fetchQuery(
      sessionQueries.tasks('f5bf', 'https://em/api/replicaSessions/f5bf/replicaTaskSessions'),
    )
    expect(em.requested).toHaveLength(1)
  })

  test('tasks: a hostile Href fails the query with EmLinkError and fetches nothing', async () => {
    await expect(
      client().fetchQuery(sessionQueries.tasks('x', 'javascript:alert(1)')),
    ).rejects.toBeInstanceOf(EmLinkError)
    expect(em.requested).toEqual([])
  })

  test('history: the last n sessions of a job, newest first', async () => {
    em.answers.set(
      `/api/query?type=ReplicaJobSession&format=Entities&filter=${encodeURIComponent('JobUid=="urn:veeam:Job:j"')}&sortDesc=CreationTime&pageSize=20&page=1`,
      fixture('query-replica-entities.json'),
    )
    setWireFormat('json')
    const sessions = await client().fetchQuery(sessionQueries.history('urn:veeam:Job:j', 20))
    expect(sessions).toHaveLength(1)
  })

  test('signed out: EmHttpError 401 "Not signed in", nothing fetched', async () => {
    clearEmSession()
    const error = await client()
      .fetchQuery(sessionQueries.detail('x'))
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(EmHttpError)
    expect(error).toMatchObject({ status: 401, emMessage: 'Not signed in' })
    expect(em.requested).toEqual([])
  })
})
