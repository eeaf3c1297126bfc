// An unattended screen must pick up a new deployment by itself: poll the build id the server publishes
// (proxy/build-version.ts) and reload when it differs from the one this page was built with.
import { queryOptions, useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import { z } from 'zod'

const versionSchema = z.object({ version: z.string().min(1) })

/** The build id compiled into this page; null where none was (tests of single modules). */
export function runningBuild(): string | null {
  const env: Record<string, unknown> | undefined = import.meta.env
  const id = env?.VITE_BUILD_ID
  return typeof id === 'string' && id !== '' ? id : null
}

/** Whether the page should reload: a deployed build is known and differs from this page's. */
export function isNewBuild(running: string | null, deployed: string | undefined): boolean {
  return running !== null && deployed !== undefined && deployed !== running
}

export const deployedBuildQuery = queryOptions({
  queryKey: ['deployed-build'],
  queryFn: async ({ signal }) => {
    const response = await fetch('/version.json', { signal, cache: 'no-store', credentials: 'omit' })
    if (!response.ok) throw new Error(`version.json answered ${response.status}`)
    return versionSchema.parse(await response.json()).version
  },
  // A missing version document (an old deployment, a proxy in between) just means no reload.
  retry: false,
})

/**
 * Polls the deployed build id and reloads the page when it changes, but only while EM answers: a reload
 * during an outage would trade the last good data for an empty screen.
 */
export function useReloadOnNewBuild(pollMs: number, emHealthy: boolean): void {
  const running = runningBuild()
  const { data } = useQuery({
    ...deployedBuildQuery,
    enabled: running !== null,
    refetchInterval: pollMs,
    refetchIntervalInBackground: true,
  })
  useEffect(() => {
    if (emHealthy && isNewBuild(running, data)) window.location.reload()
  }, [running, data, emHealthy])
}
