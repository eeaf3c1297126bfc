// queryOptions for the protection view (STYLE §3.4): every request it sends, each with a page budget so a load
// or a refresh stays at PROTECTION_REQUEST_BUDGET requests however many VMs EM holds. URLs carry no "now": the
// windows are applied by paging newest-first (newest-pages.ts), so screens send byte-identical requests.
import { queryOptions } from '@tanstack/react-query'
import { emContext, emGet } from './em-get.ts'
import { readAllPages, readNewestPages } from './newest-pages.ts'
import type { Page } from './page-schema.ts'
import { parseIncludesPage } from './parse-object-in-job.ts'
import { parseReplicasPage } from './parse-replica.ts'
import { parsePointsPage, type VmReplicaPoint } from './parse-replica-point.ts'
import { parseSessionsPage, type ReplicaJobSession } from './parse-session.ts'
import { parseTaskSessionsPage, type ReplicaTaskSession } from './parse-task-session.ts'

/** Pages per query at EM's cap of 1,000 items a page (em-api.md §4.1). */
export const PAGE_BUDGET = {
  jobs: 1,
  replicas: 2,
  includes: 3,
  points: 8,
  olderPoints: 2,
  tasks: 10,
  sessions: 3,
} as const

/** The most requests one load or one refresh of the view sends. */
export const PROTECTION_REQUEST_BUDGET = Object.values(PAGE_BUDGET).reduce((sum, n) => sum + n, 0)

// Points per VM are capped by retention (28 at most, em-api.md §19): 30 VMs, each under two names, fit one page.
export const OLDER_POINTS_BATCH = 30
const HOUR = 3_600_000

const all = () => ['em', 'protection'] as const

// Quoting keeps spaces and separators inside a value (§4.2, §9.13); a literal " is doubled.
function quote(value: string): string {
  return `"${value.replaceAll('"', '""')}"`
}

function queryPath(type: string, params: Record<string, string>): (page: number) => string {
  const text = Object.entries({ type, format: 'Entities', ...params, pageSize: '1000' })
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&')
  return (page) => `/api/query?${text}&page=${page}`
}

function getter<T>(
  parse: (doc: unknown) => Page<T>,
  options: { signal: AbortSignal; format: 'xml' | 'json' },
): (path: string) => Promise<Page<T>> {
  return async (path) => parse(await emGet(path, options))
}

// Windows end at the start of the next minute, as the explorer's do: a refresh inside a minute asks the same.
function since(hours: number): number {
  return Math.ceil(Date.now() / 60_000) * 60_000 - hours * HOUR
}

const byTime = { sortDesc: 'CreationTime' }

export const protectionQueries = {
  all,
  /** Every replica (platform, name = job name): all roles but the Exchange/Oracle/SQL restore operators (§10). */
  replicas: () => {
    const context = emContext()
    return queryOptions({
      queryKey: [...all(), 'replicas', context] as const,
      queryFn: ({ signal }) =>
        readAllPages({
          path: queryPath('Replica', { sortAsc: 'Name' }),
          get: getter(parseReplicasPage, { signal, format: context.format }),
          maxPages: PAGE_BUDGET.replicas,
        }),
    })
  },
  /** Every job's includes (ObjectInJob): Portal Administrator only; a Portal User gets 403 (§10, §12). */
  includes: () => {
    const context = emContext()
    return queryOptions({
      queryKey: [...all(), 'includes', context] as const,
      queryFn: ({ signal }) =>
        readAllPages({
          path: queryPath('ObjectInJob', { sortAsc: 'Name' }),
          get: getter(parseIncludesPage, { signal, format: context.format }),
          maxPages: PAGE_BUDGET.includes,
        }),
    })
  },
  /** Replica points of the last `hours`, newest first (§11.3). */
  points: (hours: number) => {
    const context = emContext()
    return queryOptions({
      queryKey: [...all(), 'points', context, hours] as const,
      queryFn: ({ signal }) =>
        readNewestPages<VmReplicaPoint>({
          path: queryPath('VmReplicaPoint', byTime),
          get: getter(parsePointsPage, { signal, format: context.format }),
          timeOf: (point) => point.creationTime,
          uidOf: (point) => point.uid,
          since: since(hours),
          maxPages: PAGE_BUDGET.points,
        }),
    })
  },
  /**
   * The newest points of VMs the window did not show, by name, OR-ed in batches (§4.2): how old their last point
   * is, or that they have none. Names beyond the budget stay unknown.
   */
  olderPoints: (vmNames: readonly string[]) => {
    const context = emContext()
    const batches = chunk(vmNames, OLDER_POINTS_BATCH).slice(0, PAGE_BUDGET.olderPoints)
    return queryOptions({
      queryKey: [...all(), 'olderPoints', context, vmNames] as const,
      queryFn: async ({ signal }) => {
        const get = getter(parsePointsPage, { signal, format: context.format })
        const pages = await Promise.all(
          batches.map((names) => {
            // A point may carry the replica VM's `_replica` name (em-api.md §11.2, §18): ask for both.
            const filter = names
              .flatMap((name) => [
                `VmDisplayName==${quote(name)}`,
                `VmDisplayName==${quote(`${name}_replica`)}`,
              ])
              .join(',')
            return get(queryPath('VmReplicaPoint', { filter, ...byTime })(1))
          }),
        )
        return { asked: batches.flat(), items: pages.flatMap((page) => page.items) }
      },
    })
  },
  /** Replica task sessions of the last `hours`, newest first (§4.3). */
  tasks: (hours: number) => {
    const context = emContext()
    return queryOptions({
      queryKey: [...all(), 'tasks', context, hours] as const,
      queryFn: ({ signal }) =>
        readNewestPages<ReplicaTaskSession>({
          path: queryPath('ReplicaTaskSession', byTime),
          get: getter(parseTaskSessionsPage, { signal, format: context.format }),
          timeOf: (task) => task.creationTime,
          uidOf: (task) => task.uid,
          since: since(hours),
          maxPages: PAGE_BUDGET.tasks,
        }),
    })
  },
  /** Replica job sessions of the last `hours` (an hour more: a task's session started before it), newest first. */
  sessions: (hours: number) => {
    const context = emContext()
    return queryOptions({
      queryKey: [...all(), 'sessions', context, hours] as const,
      queryFn: ({ signal }) =>
        readNewestPages<ReplicaJobSession>({
          path: queryPath('ReplicaJobSession', byTime),
          get: getter(parseSessionsPage, { signal, format: context.format }),
          timeOf: (session) => session.creationTime,
          uidOf: (session) => session.uid,
          since: since(hours + 1),
          maxPages: PAGE_BUDGET.sessions,
        }),
    })
  },
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  )
}
