import type { QueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { dashboardConfigQuery } from '@/config/dashboard-config.ts'
import { idbCacheStore } from './cache-store.ts'
import { startQueryPersistence } from './query-persistence.ts'

// The restore normally takes a few milliseconds (one proxy round trip for the EM host, one IndexedDB read); a
// browser whose IndexedDB hangs starts without it after this long rather than staying blank.
const RESTORE_WAIT_MS = 1000

/**
 * Restores the persisted cache of this EM host and principal, then keeps it saved; false until the restore is done
 * (or given up), so the router's first loaders find the restored answers instead of waiting for EM.
 */
export function useQueryPersistence(queryClient: QueryClient): boolean {
  const [ready, setReady] = useState(false)
  useEffect(() => {
    let cancelled = false
    let stop: () => void = () => undefined
    const start = async () => {
      const config = await queryClient.fetchQuery(dashboardConfigQuery)
      if (cancelled) return
      const { pathname, hash } = window.location
      const persistence = startQueryPersistence({
        queryClient,
        store: idbCacheStore(),
        emHost: config.emHost,
        location: { pathname, hash },
      })
      stop = persistence.stop
      await persistence.ready
    }
    const giveUp = new Promise((resolve) => setTimeout(resolve, RESTORE_WAIT_MS))
    void Promise.race([start().catch(() => undefined), giveUp]).then(() => {
      if (!cancelled) setReady(true)
    })
    return () => {
      cancelled = true
      stop()
    }
  }, [queryClient])
  return ready
}
