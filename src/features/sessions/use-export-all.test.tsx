import { QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createQueryClient } from '@/app/query-client.ts'
import { emGet } from '@/em/em-get.ts'
import { parseRefsPage } from '@/em/parse-refs.ts'
import type { ReplicaJobSession } from '@/em/parse-session.ts'
import { buildQueryPath, type SessionQuery } from '@/em/session-query-path.ts'
import { type EmTestServer, signInToEm, startEmTestServer } from '@/test/em-server.ts'
import { useExportAll } from './use-export-all.ts'

let em: EmTestServer

beforeAll(() => {
  em = startEmTestServer()
})
beforeEach(async () => {
  await signInToEm()
})
afterAll(() => em.close())

function wrapper({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={createQueryClient({ retries: false })}>{children}</QueryClientProvider>
}

const QUERY: SessionQuery = {
  filter: { results: ['Success'] },
  sort: { field: 'CreationTime', dir: 'desc' },
  page: 3,
  pageSize: 25,
}

describe('useExportAll', () => {
  it('pages through EM from page 1 until there is no Next link, each session once, in the query’s order', async () => {
    const { result } = renderHook(() => useExportAll({ pageSize: 40 }), { wrapper })
    const done: { sessions: ReplicaJobSession[] | null } = { sessions: null }
    await act(async () => {
      done.sessions = await result.current.run(QUERY)
    })
    const countPath = buildQueryPath({ filter: QUERY.filter, page: 1, pageSize: 1, format: 'References' })
    const total = parseRefsPage(await emGet(countPath, { format: 'xml' })).paging.pagesCount
    expect(total).toBeGreaterThan(80)
    const list = done.sessions ?? []
    expect(list).toHaveLength(total)
    expect(new Set(list.map((session) => session.uid)).size).toBe(total)
    const starts = list.map((session) => session.creationTime)
    expect(starts).toEqual([...starts].sort((a, b) => b - a))
    expect(result.current.progress).toEqual({ status: 'idle' })
  })

  it('cancel stops it and yields nothing', async () => {
    const { result } = renderHook(() => useExportAll({ pageSize: 10 }), { wrapper })
    let outcome: unknown = 'unset'
    await act(async () => {
      const running = result.current.run(QUERY)
      result.current.cancel()
      outcome = await running
    })
    expect(outcome).toBeNull()
    expect(result.current.progress).toEqual({ status: 'idle' })
  })
})
