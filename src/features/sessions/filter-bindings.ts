// Each filter control's value ↔ its URL keys, in both directions. Controls stay thin; the round trip
// control → URL → SessionFilter → EM filter text is tested here, table-driven.
import { normalizeUid } from '@/em/session-query-path.ts'
import type { KnownResult, KnownState } from '@/em/session-status.ts'
import type { SessionSearch, TimeWindow } from '@/em/session-url-filter.ts'
import { formatUtc } from '@/lib/format-time.ts'

export type SearchPatch = Partial<SessionSearch>

export interface FilterBinding<V> {
  toSearch(value: V): SearchPatch
  fromSearch(search: SessionSearch): V
}

export type UidKind = 'Job' | 'BackupServer' | 'ReplicaJobSession'

/** Why a UID text cannot be used, or null when it can (empty means "any"). */
export function uidProblem(kind: UidKind, text: string): string | null {
  if (text.trim() === '' || normalizeUid(kind, text) !== null) return null
  return `Expected urn:veeam:${kind}:<GUID> or a bare GUID`
}

function textBinding(key: 'name' | 'job' | 'server' | 'q'): FilterBinding<string> {
  return {
    toSearch: (value) => ({ [key]: value.trim() === '' ? undefined : value.trim() }),
    fromSearch: (search) => search[key] ?? '',
  }
}

// A UID is written to the URL in EM's canonical form, so a pasted bare GUID and its urn share one link.
function uidBinding(key: 'uid' | 'jobUid' | 'serverUid', kind: UidKind): FilterBinding<string> {
  return {
    toSearch: (value) => ({ [key]: normalizeUid(kind, value) ?? undefined }),
    fromSearch: (search) => search[key] ?? '',
  }
}

export type RetryChoice = 'any' | 'only' | 'exclude'

/** A time filter as its control holds it: any time, a window ending now, or a custom UTC range (epoch ms). */
export type TimeRange =
  | { mode: 'any' }
  | { mode: TimeWindow }
  | { mode: 'custom'; from: number | null; to: number | null }

function timeBinding(
  preset: 'created' | 'ended',
  fromKey: 'createdFrom' | 'endedFrom',
  toKey: 'createdTo' | 'endedTo',
): FilterBinding<TimeRange> {
  return {
    toSearch: (range) => ({
      [preset]: range.mode === 'any' || range.mode === 'custom' ? undefined : range.mode,
      [fromKey]: range.mode === 'custom' && range.from !== null ? formatUtc(range.from) : undefined,
      [toKey]: range.mode === 'custom' && range.to !== null ? formatUtc(range.to) : undefined,
    }),
    fromSearch: (search) => {
      const window = search[preset]
      if (window) return { mode: window }
      const from = search[fromKey]
      const to = search[toKey]
      if (from === undefined && to === undefined) return { mode: 'any' }
      return {
        mode: 'custom',
        from: from === undefined ? null : Date.parse(from),
        to: to === undefined ? null : Date.parse(to),
      }
    },
  }
}

/** One binding per query parameter of `GET /query?type=ReplicaJobSession` (em-api.md §4.3), plus the advanced text. */
export const filterBindings = {
  name: textBinding('name'),
  uid: uidBinding('uid', 'ReplicaJobSession'),
  jobUid: uidBinding('jobUid', 'Job'),
  jobName: textBinding('job'),
  jobType: {
    toSearch: (value: 'any' | 'Replica') => ({ jobType: value === 'any' ? undefined : value }),
    fromSearch: (search) => search.jobType ?? 'any',
  } satisfies FilterBinding<'any' | 'Replica'>,
  backupServerUid: uidBinding('serverUid', 'BackupServer'),
  backupServerName: textBinding('server'),
  state: {
    toSearch: (value: KnownState[]) => ({ state: value.length === 0 ? undefined : value }),
    fromSearch: (search) => search.state ?? [],
  } satisfies FilterBinding<KnownState[]>,
  result: {
    toSearch: (value: KnownResult[]) => ({ result: value.length === 0 ? undefined : value }),
    fromSearch: (search) => search.result ?? [],
  } satisfies FilterBinding<KnownResult[]>,
  isRetry: {
    toSearch: (value: RetryChoice) => ({ retry: value === 'any' ? undefined : value }),
    fromSearch: (search) => search.retry ?? 'any',
  } satisfies FilterBinding<RetryChoice>,
  creationTime: timeBinding('created', 'createdFrom', 'createdTo'),
  endTime: timeBinding('ended', 'endedFrom', 'endedTo'),
  advanced: textBinding('q'),
}

/** Every filter key cleared: the patch of "Clear filters". */
export const CLEARED_FILTERS: SearchPatch = {
  name: undefined,
  uid: undefined,
  jobUid: undefined,
  job: undefined,
  serverUid: undefined,
  server: undefined,
  jobType: undefined,
  state: undefined,
  result: undefined,
  retry: undefined,
  created: undefined,
  createdFrom: undefined,
  createdTo: undefined,
  ended: undefined,
  endedFrom: undefined,
  endedTo: undefined,
  q: undefined,
}
