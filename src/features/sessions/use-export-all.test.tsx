import { type QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import { delay, http } from 'msw'
import type { ReactNode } from 'react'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createQueryClient } from '@/app/query-client.ts'
import { emGet } from '@/em/em-get.ts'
import { parseRefsPage } from '@/em/parse-refs.ts'
import type { ReplicaJobSession } from '@/em/parse-session.ts'
import { sessionQueries } from '@/em/session-queries.ts'
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
afterEach(() => em.resetHandlers())
afterAll(() => em.close())

function wrapperOf(client: QueryClient) {
  return ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  )
}
const wrapper = ({ children }: { children: ReactNode }) =>
  wrapperOf(createQueryClient({ retries: false }))({ children })

/** Each query takes 50 ms before the emulator answers, as from a real EM; counts the queries started. */
function slowPages(): { count: number } {
  const started = { count: 0 }
  em.use(
    http.get('*/api/query', async () => {
      started.count += 1
      await delay(50)
    }),
  )
  return started
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

  it('a cancelled run never reports a failure, and a new run after it can be cancelled as well', async () => {
    const started = slowPages()
    const { result } = renderHook(() => useExportAll({ pageSize: 10 }), { wrapper })
    let second: Promise<unknown> = Promise.resolve()
    let first: unknown = 'unset'
    await act(async () => {
      const running = result.current.run(QUERY)
      result.current.cancel()
      second = result.current.run(QUERY)
      first = await running
    })
    expect(first).toBeNull()
    expect(result.current.progress.status).toBe('running')
    await act(async () => {
      result.current.cancel()
      expect(await second).toBeNull()
    })
    expect(result.current.progress).toEqual({ status: 'idle' })
    const asked = started.count
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(started.count).toBe(asked)
  })

  it('stops asking EM for pages once the page is left', async () => {
    const started = slowPages()
    const { result, unmount } = renderHook(() => useExportAll({ pageSize: 7 }), { wrapper })
    let running: Promise<unknown> = Promise.resolve()
    act(() => {
      running = result.current.run(QUERY)
    })
    await waitFor(() => expect(started.count).toBeGreaterThan(1))
    unmount()
    expect(await running).toBeNull()
    const asked = started.count
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(started.count).toBe(asked)
  })

  it('keeps its pages out of the lists the explorer refreshes and invalidates', async () => {
    slowPages()
    const client = createQueryClient({ retries: false })
    const { result } = renderHook(() => useExportAll({ pageSize: 10 }), { wrapper: wrapperOf(client) })
    let running: Promise<unknown> = Promise.resolve()
    act(() => {
      running = result.current.run(QUERY)
    })
    await waitFor(() => expect(client.getQueryCache().findAll({ fetchStatus: 'fetching' }).length).toBe(1))
    // The explorer's "Refresh now" invalidates lists(): an export page there would be asked for twice.
    expect(client.getQueryCache().findAll({ queryKey: sessionQueries.lists() })).toEqual([])
    act(() => result.current.cancel())
    expect(await running).toBeNull()
  })
})
