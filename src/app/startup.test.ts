import { notifyManager, QueryClient } from '@tanstack/react-query'
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
} from '@tanstack/react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { dashboardConfigQuery } from '@/config/dashboard-config.ts'
import { sessionQueries } from '@/em/session-queries.ts'
import { clearEmSession, setEmSession } from '@/em/session-token.ts'
import { memoryCacheStore } from '@/test/memory-cache-store.ts'
import { cacheKeyOf } from './cache-scope.ts'
import type { CacheStore } from './cache-store.ts'
import { CACHE_BUSTER } from './persisted-client.ts'
import { preloadRouteCode, RESTORE_WAIT_MS, restoreAtStart } from './startup.ts'

const HOST = 'em.example.com'
const DESK = { pathname: '/sessions', hash: '' }
const LIST_KEY: readonly unknown[] = sessionQueries.list({ filter: {}, page: 1, pageSize: 100 }).queryKey
const ROWS = { items: [{ id: 'a', name: 'Replica job 1' }], paging: { pagesCount: 1 } }

/** A store holding alice's list from a visit a minute ago, as the persistence writes it. */
function storeWithLastVisit(): CacheStore {
  const at = Date.now() - 60_000
  const value = {
    timestamp: at,
    buster: CACHE_BUSTER,
    queries: [
      { queryHash: JSON.stringify(LIST_KEY), queryKey: [...LIST_KEY], data: ROWS, dataUpdatedAt: at },
    ],
  }
  return memoryCacheStore([[cacheKeyOf(HOST, { kind: 'user', name: 'alice' }), value]])
}

/** A client that already knows the proxy's config (the fetch itself is dashboard-config's business). */
function clientOf(emHost: string): QueryClient {
  const queryClient = new QueryClient()
  queryClient.setQueryData(dashboardConfigQuery.queryKey, { emHost, emulator: false, version: 'test' })
  return queryClient
}

beforeEach(() => {
  setEmSession({ token: 't', sessionId: 's', userName: 'alice', logoutPath: '/api/logonSessions/s' })
})
afterEach(() => {
  notifyManager.setScheduler((callback) => setTimeout(callback, 0))
  vi.useRealTimers()
  clearEmSession()
})

describe('the restore at page start', () => {
  it('has the last visit’s answers in the cache when it settles, with no screen rendered', async () => {
    const queryClient = clientOf(HOST)
    const start = restoreAtStart(queryClient, storeWithLastVisit(), DESK)
    await start.restored
    expect(queryClient.getQueryData(LIST_KEY)).toEqual(ROWS)
    start.stop()
  })

  it('leaves no give-up timer behind once the restore is done', async () => {
    vi.useFakeTimers()
    notifyManager.setScheduler(queueMicrotask)
    const queryClient = clientOf(HOST)
    const start = restoreAtStart(queryClient, storeWithLastVisit(), DESK)
    await vi.advanceTimersByTimeAsync(0)
    await start.restored
    expect(queryClient.getQueryData(LIST_KEY)).toEqual(ROWS)
    start.stop()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('gives up on a store that never answers, so the page starts without the last data', async () => {
    vi.useFakeTimers()
    notifyManager.setScheduler(queueMicrotask)
    const hanging: CacheStore = {
      get: () => new Promise(() => undefined),
      set: async () => undefined,
      del: async () => undefined,
      keys: async () => [],
    }
    const queryClient = clientOf(HOST)
    const start = restoreAtStart(queryClient, hanging, DESK)
    let settled = false
    void start.restored.then(() => {
      settled = true
    })
    await vi.advanceTimersByTimeAsync(RESTORE_WAIT_MS - 1)
    expect(settled).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(settled).toBe(true)
    expect(queryClient.getQueryData(LIST_KEY)).toBeUndefined()
    start.stop()
  })
})

describe('the route code preload', () => {
  function routerWith(loadExplorer: () => Promise<void>) {
    const rootRoute = createRootRoute()
    const explorer = createRoute({
      getParentRoute: () => rootRoute,
      path: '/sessions',
      component: lazyRouteComponent(async () => {
        await loadExplorer()
        return { default: () => null }
      }),
    })
    const wall = createRoute({ getParentRoute: () => rootRoute, path: '/wall' })
    return createRouter({
      routeTree: rootRoute.addChildren([explorer, wall]),
      history: createMemoryHistory({ initialEntries: ['/'] }),
    })
  }

  it('loads the code of the routes the URL opens, and only theirs', async () => {
    const loadExplorer = vi.fn(async () => undefined)
    const router = routerWith(loadExplorer)
    await preloadRouteCode(router, '/wall')
    expect(loadExplorer).not.toHaveBeenCalled()
    await preloadRouteCode(router, '/sessions')
    expect(loadExplorer).toHaveBeenCalledTimes(1)
  })

  it('leaves a chunk that fails to load to the router (no unhandled rejection)', async () => {
    const rootRoute = createRootRoute()
    // A split route whose chunk is gone (a deploy replaced it); lazyRouteComponent would keep the error for render.
    const explorer = createRoute({ getParentRoute: () => rootRoute, path: '/sessions' }).lazy(() =>
      Promise.reject(new Error('chunk gone')),
    )
    const router = createRouter({
      routeTree: rootRoute.addChildren([explorer]),
      history: createMemoryHistory(),
    })
    await expect(preloadRouteCode(router, '/sessions')).resolves.toBeUndefined()
  })
})
