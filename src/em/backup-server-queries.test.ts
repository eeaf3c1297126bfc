import { readFileSync } from 'node:fs'
import { QueryClient } from '@tanstack/react-query'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { backupServerQueries } from './backup-server-queries.ts'
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

describe('backupServerQueries', () => {
  test('backup servers: list and a server followed from its Up link', async () => {
    answers.set(
      '/api/query?type=BackupServer&format=Entities&sortAsc=Name&pageSize=1000&page=1',
      `<QueryResult><Entities><BackupServers /></Entities><PagingInfo PageNum="1" PageSize="1000" PagesCount="1"/></QueryResult>`,
    )
    answers.set('/api/backupServers/ce15?format=Entity', fixture('backup-server.xml'))
    expect(await client().fetchQuery(backupServerQueries.list())).toMatchObject({ items: [] })
    const server = await client().fetchQuery(
      backupServerQueries.detail('https://em:9398/api/backupServers/ce15'),
    )
    expect(server.version).toBe('13.0.0.1420')
  })
})
