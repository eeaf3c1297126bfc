import { readFileSync } from 'node:fs'
import { QueryClient } from '@tanstack/react-query'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { jobQueries } from './job-queries.ts'
import { clearEmSession, setEmSession } from './session-token.ts'
import { setWireFormat } from './wire-format.ts'

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')
const SESSION = { token: 'tok', sessionId: 'sid-1', userName: 'u', logoutPath: '/api/logonSessions/sid-1' }

let answers: Map<string, string>
let requested: { path: string; headers: unknown }[]

beforeEach(() => {
  answers = new Map()
  requested = []
  setWireFormat('xml')
  setEmSession(SESSION)
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const path = String(input)
      requested.push({ path, headers: init?.headers })
      const body = answers.get(path)
      return body === undefined ? new Response('', { status: 404 }) : new Response(body, { status: 200 })
    }),
  )
})

afterEach(() => {
  vi.unstubAllGlobals()
  clearEmSession()
})

const client = () => new QueryClient({ defaultOptions: { queries: { retry: false } } })

describe('jobQueries', () => {
  test('jobs: replica list and a job followed from its Up link', async () => {
    answers.set(
      '/api/query?type=Job&format=Entities&filter=JobType%3D%3DReplica&sortAsc=Name&pageSize=1000&page=1',
      `<QueryResult><Entities><Jobs>${fixture('job-replica.xml')}</Jobs></Entities><PagingInfo PageNum="1" PageSize="1000" PagesCount="1"/></QueryResult>`,
    )
    answers.set('/api/jobs/2c49?format=Entity', fixture('job-replica.xml'))
    const page = await client().fetchQuery(jobQueries.replicaList())
    expect(page.items.map((job) => job.name)).toEqual(['Fileserver02 Replication'])
    const job = await client().fetchQuery(
      jobQueries.detail('https://enterprise04.tech.local:9398/api/jobs/2c49'),
    )
    expect(job.platform).toBe('HyperV')
  })
})
