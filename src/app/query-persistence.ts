// The instant start: the last EM lists and counts this browser showed are restored into the query cache before
// the first screen renders, marked with their age there, and replaced as EM answers. One store entry per EM host
// and principal (cache-scope.ts); a sign-out or a change of user drops the user's entries.
import type { QueryClient } from '@tanstack/react-query'
import {
  type Persister,
  persistQueryClientRestore,
  persistQueryClientSubscribe,
} from '@tanstack/react-query-persist-client'
import { getEmSession, subscribeEmSession } from '@/em/session-token.ts'
import { type CachePrincipal, cacheKeyOf, isUserCacheKey, principalOf } from './cache-scope.ts'
import type { CacheStore } from './cache-store.ts'
import { CACHE_BUSTER, CACHE_MAX_AGE_MS, fromStored, shouldStoreQuery, toStored } from './persisted-client.ts'

// A cache event comes with every fetch start and end: one write a second at most keeps IndexedDB and the
// structured clone of a wall's lists off the busy moments.
export const SAVE_THROTTLE_MS = 1000

export interface PersistenceOptions {
  queryClient: QueryClient
  store: CacheStore
  emHost: string
  location: { pathname: string; hash: string }
}

/** Saves the latest client once per throttle window; `cancel` forgets what was not written yet. */
function throttledPersister(store: CacheStore, key: string): Persister & { cancel(): void } {
  let latest: Parameters<Persister['persistClient']>[0] | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  return {
    persistClient: (client) => {
      latest = client
      timer ??= setTimeout(() => {
        timer = undefined
        const next = latest
        latest = null
        // A failed write (quota, private mode) only costs the next visit its instant start.
        if (next) store.set(key, toStored(next)).catch(() => undefined)
      }, SAVE_THROTTLE_MS)
    },
    restoreClient: async () => {
      const value = await store.get(key).catch(() => undefined)
      const client = fromStored(value)
      // Corrupt or foreign: dropped quietly, the screen simply waits for EM as it did before.
      if (value !== undefined && client === undefined) await store.del(key).catch(() => undefined)
      return client
    },
    removeClient: () => store.del(key).catch(() => undefined),
    cancel: () => {
      clearTimeout(timer)
      timer = undefined
      latest = null
    },
  }
}

async function dropUserEntries(store: CacheStore, keep: string | null): Promise<void> {
  const keys = await store.keys().catch(() => [])
  await Promise.all(
    keys.filter((k) => isUserCacheKey(k) && k !== keep).map((k) => store.del(k).catch(() => undefined)),
  )
}

/**
 * Restores the current principal's cache (`ready` settles when done, never rejects) and keeps saving it; follows
 * sign-in, sign-out and user changes until `stop`.
 */
export function startQueryPersistence(options: PersistenceOptions): { ready: Promise<void>; stop(): void } {
  const { queryClient, store, emHost, location } = options
  const kiosk = principalOf(location, null)?.kind === 'kiosk'
  let active: {
    key: string
    principal: CachePrincipal
    persister: ReturnType<typeof throttledPersister>
    unsubscribe?: () => void
  } | null = null
  let stopped = false

  function deactivate() {
    active?.unsubscribe?.()
    active?.persister.cancel()
    active = null
  }

  async function activate(principal: CachePrincipal | null): Promise<void> {
    if (principal === null) return
    const key = cacheKeyOf(emHost, principal)
    const persister = throttledPersister(store, key)
    const entry: NonNullable<typeof active> = { key, principal, persister }
    active = entry
    // Another user's entries are dropped as soon as someone else signs in on this browser.
    if (principal.kind === 'user') await dropUserEntries(store, key)
    const common = { queryClient, persister, buster: CACHE_BUSTER }
    await persistQueryClientRestore({ ...common, maxAge: CACHE_MAX_AGE_MS }).catch(() => undefined)
    if (stopped || active !== entry) return
    entry.unsubscribe = persistQueryClientSubscribe({
      ...common,
      dehydrateOptions: { shouldDehydrateQuery: shouldStoreQuery },
    })
  }

  const ready = activate(principalOf(location, getEmSession()))
  const unsubscribeSession = subscribeEmSession(() => {
    // A kiosk wall speaks for the wall account whoever signs in or out in this tab.
    if (kiosk || stopped) return
    const next = principalOf(location, getEmSession())
    const was = active
    if (next && was && cacheKeyOf(emHost, next) === was.key) return
    deactivate()
    if (was?.principal.kind === 'user') {
      // Sign-out or a different user: the old user's answers leave the browser, and, on a change of user, the
      // screen too (they would otherwise be saved under the new user's name).
      void store.del(was.key).catch(() => undefined)
      if (next) void queryClient.resetQueries()
    }
    void activate(next)
  })

  return {
    ready,
    stop: () => {
      stopped = true
      unsubscribeSession()
      deactivate()
    },
  }
}
