// queryOptions for the protection view (STYLE §3.4): every request it sends, each with a page budget so a load
// or a refresh stays at PROTECTION_REQUEST_BUDGET requests however many VMs EM holds. Windows end at the start of
// the next minute, so screens refreshing within the same minute send byte-identical requests the proxy coalesces.
import { queryOptions } from '@tanstack/react-query'
import { emContext, emGetPage } from './em-get.ts'
import { PAGE_SIZE, readAllPages, readWindow } from './newest-pages.ts'
import type { PageParserName, ParsedPage } from './page-parsers.ts'

/** Pages per query at EM's cap of 1,000 items a page (em-api.md §4.1). */
export const PAGE_BUDGET = {
  jobs: 1,
  replicas: 2,
  includes: 3,
  /** One count probe (References, one item) and up to 8 pages. */
  points: 9,
  /** Batches of VM names without a point in the window. */
  olderPoints: 2,
  /** Replicas without any point in the window, one each. */
  silentReplicas: 3,
  tasks: 4,
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
  const text = Object.entries({ type, format: 'Entities', ...params, pageSize: String(PAGE_SIZE) })
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&')
  return (page) => `/api/query?${text}&page=${page}`
}

// Pages are parsed in the decode worker (page-parsers.ts): the main thread receives parsed pages only.
function getter<K extends PageParserName>(
  parser: K,
  options: { signal: AbortSignal; format: 'xml' | 'json' },
): (path: string) => Promise<ParsedPage<K>> {
  return (path) => emGetPage(path, options, parser)
}

// Windows end at the start of the next minute, as the explorer's do: a refresh inside a minute asks the same.
function since(hours: number): number {
  return Math.ceil(Date.now() / 60_000) * 60_000 - hours * HOUR
}

const byTime = { sortDesc: 'CreationTime' }

function createdSince(time: number): string {
  return `CreationTime>=${quote(new Date(time).toISOString().replace('.000Z', 'Z'))}`
}

type WindowParser = 'points' | 'tasks' | 'sessions'
type ItemOf<K extends WindowParser> = ParsedPage<K>['items'][number]

// One windowed query: items created since `since` (and matching `filter`), newest first, within its budget. With
// `probe`, a one-item References page counts the matches first, so all pages are asked for at once.
function windowOf<K extends WindowParser>(input: {
  type: string
  filter?: string
  since: number
  parser: K
  context: { signal: AbortSignal; format: 'xml' | 'json' }
  maxPages: number
  probe?: boolean
}) {
  const filter = [input.filter, createdSince(input.since)].filter((part) => part !== undefined).join(';')
  const count = async (path: string) => {
    const page = await emGetPage(path, input.context, 'refs')
    return page.items.length === 0 ? 0 : page.paging.pagesCount
  }
  return readWindow<ItemOf<K>>({
    path: queryPath(input.type, { filter, ...byTime }),
    countPath: input.probe
      ? `/api/query?type=${input.type}&format=References&filter=${encodeURIComponent(filter)}&pageSize=1&page=1`
      : undefined,
    count: input.probe ? count : undefined,
    get: getter(input.parser, input.context),
    timeOf: (item) => item.creationTime,
    uidOf: (item) => item.uid,
    since: input.since,
    maxPages: input.maxPages,
  })
}

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
          get: getter('replicas', { signal, format: context.format }),
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
          get: getter('includes', { signal, format: context.format }),
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
        windowOf({
          type: 'VmReplicaPoint',
          since: since(hours),
          parser: 'points',
          context: { signal, format: context.format },
          maxPages: PAGE_BUDGET.points - 1,
          probe: true,
        }),
    })
  },
  /**
   * The newest points of what the window did not show: VMs by name, OR-ed in batches (§4.2), and whole replicas
   * by UID (a job that stopped running long ago). Beyond the budget they stay unknown, and the view says so.
   */
  olderPoints: (lookup: { vmNames: readonly string[]; replicaUids: readonly string[] }) => {
    const context = emContext()
    const batches = chunk(lookup.vmNames, OLDER_POINTS_BATCH).slice(0, PAGE_BUDGET.olderPoints)
    const replicas = lookup.replicaUids.slice(0, PAGE_BUDGET.silentReplicas)
    return queryOptions({
      queryKey: [...all(), 'olderPoints', context, lookup.vmNames, lookup.replicaUids] as const,
      queryFn: async ({ signal }) => {
        const get = getter('points', { signal, format: context.format })
        // A point may carry the replica VM's `_replica` name (em-api.md §11.2, §18): ask for both.
        const byName = batches.map((names) =>
          names
            .flatMap((name) => [
              `VmDisplayName==${quote(name)}`,
              `VmDisplayName==${quote(`${name}_replica`)}`,
            ])
            .join(','),
        )
        const byReplica = replicas.map((uid) => `ReplicaUid==${quote(uid)}`)
        const pages = await Promise.all(
          [...byName, ...byReplica].map((filter) =>
            get(queryPath('VmReplicaPoint', { filter, ...byTime })(1)),
          ),
        )
        return { asked: batches.flat(), askedReplicas: replicas, items: pages.flatMap((page) => page.items) }
      },
    })
  },
  /**
   * Replica task sessions of the last `hours` that did not succeed (failed, warned or still running), newest first
   * (§4.3). A success leaves a replica point (§11.2), which the points query reads: asking for successes too would
   * cost ten times the pages for nothing the view shows.
   */
  tasks: (hours: number) => {
    const context = emContext()
    return queryOptions({
      queryKey: [...all(), 'tasks', context, hours] as const,
      queryFn: ({ signal }) =>
        windowOf({
          type: 'ReplicaTaskSession',
          filter: 'Result!=Success',
          since: since(hours),
          parser: 'tasks',
          context: { signal, format: context.format },
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
        windowOf({
          type: 'ReplicaJobSession',
          since: since(hours + 1),
          parser: 'sessions',
          context: { signal, format: context.format },
          maxPages: PAGE_BUDGET.sessions,
        }),
    })
  },
}

/** One VM's history for its history view: 1,000 is EM's page cap and far above one VM's runs in 7 days. */
export const vmHistoryQueries = {
  /** The VM's task sessions in the job over the last `hours`, newest first. */
  tasks: (vm: string, job: string, hours: number) => {
    const context = emContext()
    return queryOptions({
      queryKey: [...all(), 'vm', 'tasks', context, vm, job, hours] as const,
      queryFn: async ({ signal }) => {
        const filter = `VmDisplayName==${quote(vm)};JobName==${quote(job)};${createdSince(since(hours))}`
        const path = queryPath('ReplicaTaskSession', { filter, ...byTime })(1)
        return emGetPage(path, { signal, format: context.format }, 'tasks')
      },
    })
  },
  /** Every replica point of a VM name (and its `_replica` name), newest first: retention keeps 28 at most. */
  points: (vm: string) => {
    const context = emContext()
    return queryOptions({
      queryKey: [...all(), 'vm', 'points', context, vm] as const,
      queryFn: async ({ signal }) => {
        const filter = `VmDisplayName==${quote(vm)},VmDisplayName==${quote(`${vm}_replica`)}`
        const path = queryPath('VmReplicaPoint', { filter, ...byTime })(1)
        return emGetPage(path, { signal, format: context.format }, 'points')
      },
    })
  },
  /** The job's sessions over the last `hours` (an hour more), to fold retries into runs. */
  sessions: (job: string, hours: number) => {
    const context = emContext()
    return queryOptions({
      queryKey: [...all(), 'vm', 'sessions', context, job, hours] as const,
      queryFn: async ({ signal }) => {
        const filter = `JobName==${quote(job)};${createdSince(since(hours + 1))}`
        const path = queryPath('ReplicaJobSession', { filter, ...byTime })(1)
        return emGetPage(path, { signal, format: context.format }, 'sessions')
      },
    })
  },
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  )
}
