import { notifyManager, QueryClient } from '@tanstack/react-query'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { sessionQueries } from '@/em/session-queries.ts'
import { clearEmSession, type EmSession, setEmSession } from '@/em/session-token.ts'
import { memoryCacheStore } from '@/test/memory-cache-store.ts'
import { cacheKeyOf } from './cache-scope.ts'
import type { CacheStore } from './cache-store.ts'
import { CACHE_BUSTER, CACHE_MAX_AGE_MS } from './persisted-client.ts'
import { SAVE_THROTTLE_MS, startQueryPersistence } from './query-persistence.ts'

const HOST = 'em.example.com'
const DESK = { pathname: '/sessions', hash: '' }
const KIOSK_WALL = { pathname: '/wall', hash: '#key=s3cret-kiosk-key' }
// Widened: these tests are about storage, not about what a page holds.
const LIST_KEY: readonly unknown[] = sessionQueries.list({ filter: {}, page: 1, pageSize: 100 }).queryKey
const ROWS = { items: [{ id: 'a', name: 'Replica job 1' }], paging: { pagesCount: 1 } }

function session(userName: string): EmSession {
  return {
    token: `token-of-${userName}`,
    sessionId: `id-${userName}`,
    userName,
    logoutPath: '/api/logonSessions/x',
  }
}

/** A page that ran with data, saved it, and was closed. */
async function visit(store: CacheStore, options: { location?: typeof DESK; emHost?: string } = {}) {
  const queryClient = new QueryClient()
  const persistence = startQueryPersistence({
    queryClient,
    store,
    emHost: options.emHost ?? HOST,
    location: options.location ?? DESK,
  })
  await persistence.ready
  queryClient.setQueryData(LIST_KEY, ROWS)
  queryClient.setQueryData(['em', 'sessions', 'detail', 'a', { format: 'xml' }], { id: 'a' })
  await vi.advanceTimersByTimeAsync(SAVE_THROTTLE_MS)
  return { queryClient, persistence }
}

async function reopen(store: CacheStore, options: { location?: typeof DESK; emHost?: string } = {}) {
  const queryClient = new QueryClient()
  const persistence = startQueryPersistence({
    queryClient,
    store,
    emHost: options.emHost ?? HOST,
    location: options.location ?? DESK,
  })
  await persistence.ready
  persistence.stop()
  return queryClient
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-12-03T12:00:00Z') })
  // The cache tells its subscribers on a real zero timeout, out of the fake clock's reach; a microtask keeps
  // every step of these tests on the fake clock.
  notifyManager.setScheduler(queueMicrotask)
  setEmSession(session('alice'))
})
afterEach(() => {
  notifyManager.setScheduler((callback) => setTimeout(callback, 0))
  vi.useRealTimers()
  clearEmSession()
})

describe('the persisted query cache', () => {
  it('brings the last lists back on the next visit, with the time EM sent them', async () => {
    const store = memoryCacheStore()
    const first = await visit(store)
    const sentAt = first.queryClient.getQueryState(LIST_KEY)?.dataUpdatedAt
    first.persistence.stop()
    vi.setSystemTime(Date.now() + 12 * 60_000)
    const next = await reopen(store)
    expect(next.getQueryData(LIST_KEY)).toEqual(ROWS)
    expect(next.getQueryState(LIST_KEY)?.dataUpdatedAt).toBe(sentAt)
    // However young, it is asked for again as soon as a screen shows it.
    expect(next.getQueryState(LIST_KEY)?.isInvalidated).toBe(true)
  })

  it('stores only EM lists and counts, and nothing of the session or the kiosk key', async () => {
    const store = memoryCacheStore()
    ;(await visit(store, { location: KIOSK_WALL })).persistence.stop()
    ;(await visit(store)).persistence.stop()
    const stored = JSON.stringify([...store.map])
    expect(stored).toContain('Replica job 1')
    expect(stored).not.toContain('detail')
    expect(stored).not.toContain('token-of-alice')
    expect(stored).not.toContain('id-alice')
    expect(stored).not.toContain('s3cret-kiosk-key')
  })

  it('is scoped to the EM host and the user; a kiosk wall has its own entry', async () => {
    const store = memoryCacheStore()
    ;(await visit(store)).persistence.stop()
    expect([...store.map.keys()]).toEqual([cacheKeyOf(HOST, { kind: 'user', name: 'alice' })])
    expect((await reopen(store, { emHost: 'other-em.example.com' })).getQueryData(LIST_KEY)).toBeUndefined()
    expect((await reopen(store, { location: KIOSK_WALL })).getQueryData(LIST_KEY)).toBeUndefined()
    ;(await visit(store, { location: KIOSK_WALL })).persistence.stop()
    clearEmSession()
    expect((await reopen(store, { location: KIOSK_WALL })).getQueryData(LIST_KEY)).toEqual(ROWS)
  })

  it('restores nothing, and saves nothing, without a signed-in user', async () => {
    const store = memoryCacheStore()
    ;(await visit(store)).persistence.stop()
    const saved = new Map(store.map)
    clearEmSession()
    expect((await reopen(store)).getQueryData(LIST_KEY)).toBeUndefined()
    ;(await visit(store)).persistence.stop()
    expect(store.map).toEqual(saved)
  })

  it('drops the user entry on sign-out, and a save still pending is not written afterwards', async () => {
    const store = memoryCacheStore()
    const { queryClient, persistence } = await visit(store)
    expect(store.map.size).toBe(1)
    queryClient.setQueryData(LIST_KEY, { ...ROWS, items: [] })
    // The save is now scheduled, not yet written.
    await vi.advanceTimersByTimeAsync(10)
    clearEmSession()
    await vi.advanceTimersByTimeAsync(SAVE_THROTTLE_MS * 2)
    persistence.stop()
    expect(store.map.size).toBe(0)
  })

  it('drops the old user entry and the data on screen when another user signs in', async () => {
    const store = memoryCacheStore()
    const { queryClient, persistence } = await visit(store)
    setEmSession(session('bob'))
    await vi.advanceTimersByTimeAsync(SAVE_THROTTLE_MS * 2)
    expect(queryClient.getQueryData(LIST_KEY)).toBeUndefined()
    expect(store.map.has(cacheKeyOf(HOST, { kind: 'user', name: 'alice' }))).toBe(false)
    persistence.stop()
    expect((await reopen(store)).getQueryData(LIST_KEY)).toBeUndefined()
  })

  it('drops another user entry left behind (browser closed without signing out) when someone signs in', async () => {
    const store = memoryCacheStore()
    ;(await visit(store)).persistence.stop()
    setEmSession(session('bob'))
    await reopen(store)
    expect(store.map.has(cacheKeyOf(HOST, { kind: 'user', name: 'alice' }))).toBe(false)
  })

  it('ignores and removes a store older than a day', async () => {
    const store = memoryCacheStore()
    ;(await visit(store)).persistence.stop()
    vi.setSystemTime(Date.now() + CACHE_MAX_AGE_MS + 60_000)
    expect((await reopen(store)).getQueryData(LIST_KEY)).toBeUndefined()
    expect(store.map.size).toBe(0)
  })

  it.each([
    ['garbage', 'not a cache'],
    ['a wrong shape', { timestamp: 'yesterday', buster: CACHE_BUSTER, queries: {} }],
    ['queries without keys', { timestamp: Date.now(), buster: CACHE_BUSTER, queries: [{ data: 1 }] }],
    ['an old build or schema', 'old-build'],
    // IndexedDB keeps Infinity; a store stamped with it would never age out.
    ['a timestamp that never ages', 'infinite'],
  ])('ignores %s silently and removes it', async (_name, value) => {
    const store = memoryCacheStore()
    ;(await visit(store)).persistence.stop()
    const key = cacheKeyOf(HOST, { kind: 'user', name: 'alice' })
    const saved = store.map.get(key)
    const errors = vi.spyOn(console, 'error')
    const changed =
      value === 'old-build'
        ? { ...Object(saved), buster: 'build-older/schema-0' }
        : value === 'infinite'
          ? { ...Object(saved), timestamp: Number.POSITIVE_INFINITY }
          : value
    store.map.set(key, changed)
    expect((await reopen(store)).getQueryData(LIST_KEY)).toBeUndefined()
    expect(store.map.has(key)).toBe(false)
    expect(errors).not.toHaveBeenCalled()
  })

  it('starts empty when the store cannot be read', async () => {
    const store = memoryCacheStore()
    store.get = () => Promise.reject(new Error('IndexedDB is not available'))
    store.keys = () => Promise.reject(new Error('IndexedDB is not available'))
    expect((await reopen(store)).getQueryData(LIST_KEY)).toBeUndefined()
  })
})
