// What a page load starts before React's first render, side by side: the restore of the last visit's answers (the
// proxy's config names the EM host, then one IndexedDB read) and the code of the routes the URL opens. Started from
// an effect after the first render, they ran one after the other and cost the instant start about 250 ms (issue 18).
import type { QueryClient } from '@tanstack/react-query'
import type { AnyRouter } from '@tanstack/react-router'
import { dashboardConfigQuery } from '@/config/dashboard-config.ts'
import type { CacheStore } from './cache-store.ts'
import { startQueryPersistence } from './query-persistence.ts'

// The restore normally takes a few milliseconds (one proxy round trip for the EM host, one IndexedDB read); a
// browser whose IndexedDB hangs starts without it after this long rather than staying blank.
export const RESTORE_WAIT_MS = 1000

/**
 * Restores this EM host's and principal's persisted cache into `queryClient`, then keeps it saved until `stop` (the
 * page never calls it; tests do). `restored` settles (never rejects) when the restore is done, failed or given up:
 * the router waits for it, so the first loaders find the restored answers instead of asking EM.
 */
export function restoreAtStart(
  queryClient: QueryClient,
  store: CacheStore,
  location: { pathname: string; hash: string },
): { restored: Promise<void>; stop(): void } {
  let stopped = false
  let stop = () => {
    stopped = true
  }
  const restore = (async () => {
    const config = await queryClient.fetchQuery(dashboardConfigQuery)
    if (stopped) return
    const persistence = startQueryPersistence({ queryClient, store, emHost: config.emHost, location })
    stop = persistence.stop
    await persistence.ready
  })().catch(() => undefined)
  // The give-up timer is cleared once the restore settles: a page should not hold a timer it no longer needs.
  let giveUpTimer: ReturnType<typeof setTimeout> | undefined
  const giveUp = new Promise<void>((resolve) => {
    giveUpTimer = setTimeout(resolve, RESTORE_WAIT_MS)
  })
  const restored = Promise.race([restore, giveUp]).finally(() => clearTimeout(giveUpTimer))
  return { restored, stop: () => stop() }
}

/**
 * Starts loading the split code (component, pending component) of every route `pathname` matches, so it arrives
 * while the restore runs instead of after it. A failure is left to the router, which loads the same chunk again
 * and shows its error.
 */
export function preloadRouteCode(router: AnyRouter, pathname: string): Promise<void> {
  const [routes] = router.getMatchedRoutes(pathname)
  return Promise.all(routes.map((route) => router.loadRouteChunk(route)?.catch(() => undefined))).then(
    () => undefined,
  )
}
