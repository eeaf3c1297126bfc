// An unattended screen must pick up a new deployment by itself: poll the build id the server publishes
// (proxy/build-version.ts) and reload when it differs from the one this page was built with.
import { queryOptions, useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import { v } from '@/lib/valibot.ts'

const versionSchema = v.object({ version: v.pipe(v.string(), v.minLength(1)) })

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

/** The reloads this tab already made for a deployed build (kept in sessionStorage, which a reload keeps). */
export interface ReloadTries {
  target: string
  count: number
  lastAt: number
}

const FIRST_WAIT_MS = 5 * 60_000
const LONGEST_WAIT_MS = 60 * 60_000

/**
 * Whether to reload now. A reload that still brings up the old build (index.html served stale by a cache in
 * between) would otherwise reload again at once, forever: after each try for the same build, wait 5 minutes,
 * then 10, 20, … up to an hour, so a stuck screen costs one reload an hour at most and still gets there.
 */
export function shouldReload(
  running: string | null,
  deployed: string | undefined,
  tries: ReloadTries | null,
  now: number,
): boolean {
  if (!isNewBuild(running, deployed)) return false
  if (tries === null || tries.target !== deployed) return true
  const wait = Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** (tries.count - 1))
  return now - tries.lastAt >= wait
}

const TRIES_KEY = 'wall.reloadTries'
const triesSchema = v.object({
  target: v.string(),
  count: v.pipe(v.number(), v.integer(), v.minValue(1)),
  lastAt: v.pipe(v.number(), v.finite()),
})

function readTries(): ReloadTries | null {
  try {
    const stored = v.safeParse(triesSchema, JSON.parse(sessionStorage.getItem(TRIES_KEY) ?? 'null'))
    return stored.success ? stored.output : null
  } catch {
    return null
  }
}

function noteTry(target: string, now: number): void {
  const tries = readTries()
  const count = tries?.target === target ? tries.count + 1 : 1
  try {
    sessionStorage.setItem(TRIES_KEY, JSON.stringify({ target, count, lastAt: now }))
  } catch {
    // Storage may be off: then nothing bounds the tries of this tab but the poll interval.
  }
}

export const deployedBuildQuery = queryOptions({
  queryKey: ['deployed-build'],
  queryFn: async ({ signal }) => {
    const response = await fetch('/version.json', { signal, cache: 'no-store', credentials: 'omit' })
    if (!response.ok) throw new Error(`version.json answered ${response.status}`)
    return v.parse(versionSchema, await response.json()).version
  },
  // A missing version document (an old deployment, a proxy in between) just means no reload.
  retry: false,
})

export interface ReloadOptions {
  pollMs: number
  /** False during an outage: a reload then would trade the last good data for an empty screen. */
  emHealthy: boolean
  running?: string | null
  reload?: () => void
}

/** Polls the deployed build id and reloads the page when it changes (bounded by shouldReload). */
export function useReloadOnNewBuild({
  pollMs,
  emHealthy,
  running = runningBuild(),
  reload = () => window.location.reload(),
}: ReloadOptions): void {
  const { data, dataUpdatedAt } = useQuery({
    ...deployedBuildQuery,
    enabled: running !== null,
    refetchInterval: pollMs,
    refetchIntervalInBackground: true,
  })
  // biome-ignore lint/correctness/useExhaustiveDependencies: each answer of the poll is a new chance (dataUpdatedAt); reload is the caller's.
  useEffect(() => {
    const now = Date.now()
    if (!emHealthy || data === undefined || !shouldReload(running, data, readTries(), now)) return
    noteTry(data, now)
    reload()
  }, [running, data, dataUpdatedAt, emHealthy])
}
