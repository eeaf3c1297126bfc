// The active filters as chips: what each says and what removing it writes, read from the same search object and
// bindings the full panel uses (filter-bindings.ts), so a chip can never disagree with the panel or the URL.
import { describeStatus } from '@/components/status-badge.tsx'
import type { SessionSearch } from '@/em/session-url-filter.ts'
import {
  filterBindings as bind,
  type SearchPatch,
  type TimeRange,
} from '@/features/sessions/filter-bindings.ts'
import { WINDOW_LABELS } from '@/features/sessions/time-range-filter.tsx'
import { formatLocal } from '@/lib/format-time.ts'

/** Every filter but the advanced expression (it has its own field in the bar), in the order "Add filter" offers
 * them: the ones an admin reaches for first, UIDs last. */
export const FILTER_FIELD_IDS = [
  'result',
  'state',
  'job',
  'server',
  'created',
  'ended',
  'retry',
  'jobType',
  'name',
  'uid',
  'jobUid',
  'serverUid',
] as const
export type FilterFieldId = (typeof FILTER_FIELD_IDS)[number]

export const FILTER_LABELS: Record<FilterFieldId, string> = {
  result: 'Result',
  state: 'State',
  job: 'Job',
  server: 'Backup server',
  created: 'Started',
  ended: 'Ended',
  retry: 'Retries',
  jobType: 'Job type',
  name: 'Session name',
  uid: 'Session UID',
  jobUid: 'Job UID',
  serverUid: 'Backup server UID',
}

export interface FilterChip {
  field: FilterFieldId
  label: string
  value: string
  /** What "×" writes: this filter's keys cleared. */
  clear: SearchPatch
}

// A UID reads as its GUID: the urn prefix only repeats the chip's label.
function guid(uid: string): string {
  return uid.replace(/^urn:veeam:\w+:/, '')
}

function timeText(range: TimeRange): string | null {
  if (range.mode === 'any') return null
  if (range.mode !== 'custom') return WINDOW_LABELS[range.mode].toLowerCase()
  const { from, to } = range
  if (from !== null && to !== null) return `${formatLocal(from)} – ${formatLocal(to)}`
  if (from !== null) return `from ${formatLocal(from)}`
  return to !== null ? `until ${formatLocal(to)}` : null
}

function chipValue(field: FilterFieldId, search: SessionSearch): string | null {
  switch (field) {
    case 'result':
      return (
        bind.result
          .fromSearch(search)
          .map((value) => describeStatus('result', value).label)
          .join(' or ') || null
      )
    case 'state':
      return (
        bind.state
          .fromSearch(search)
          .map((value) => describeStatus('state', value).label)
          .join(' or ') || null
      )
    case 'job':
      return bind.jobName.fromSearch(search) || null
    case 'server':
      return bind.backupServerName.fromSearch(search) || null
    case 'created':
      return timeText(bind.creationTime.fromSearch(search))
    case 'ended':
      return timeText(bind.endTime.fromSearch(search))
    case 'retry': {
      const retry = bind.isRetry.fromSearch(search)
      return retry === 'any' ? null : retry === 'only' ? 'retries only' : 'no retries'
    }
    case 'jobType':
      return bind.jobType.fromSearch(search) === 'any' ? null : 'Replica'
    case 'name':
      return bind.name.fromSearch(search) || null
    case 'uid':
      return guid(bind.uid.fromSearch(search)) || null
    case 'jobUid':
      return guid(bind.jobUid.fromSearch(search)) || null
    case 'serverUid':
      return guid(bind.backupServerUid.fromSearch(search)) || null
  }
}

const CLEAR: Record<FilterFieldId, SearchPatch> = {
  result: bind.result.toSearch([]),
  state: bind.state.toSearch([]),
  job: bind.jobName.toSearch(''),
  server: bind.backupServerName.toSearch(''),
  created: bind.creationTime.toSearch({ mode: 'any' }),
  ended: bind.endTime.toSearch({ mode: 'any' }),
  retry: bind.isRetry.toSearch('any'),
  jobType: bind.jobType.toSearch('any'),
  name: bind.name.toSearch(''),
  uid: bind.uid.toSearch(''),
  jobUid: bind.jobUid.toSearch(''),
  serverUid: bind.backupServerUid.toSearch(''),
}

/** One chip per filter set in the search, in "Add filter" order. */
export function filterChips(search: SessionSearch): FilterChip[] {
  return FILTER_FIELD_IDS.flatMap((field) => {
    const value = chipValue(field, search)
    return value === null ? [] : [{ field, label: FILTER_LABELS[field], value, clear: CLEAR[field] }]
  })
}

/** How many filters are set, the advanced expression included: the count on the phone's Filters button. */
export function activeFilterCount(search: SessionSearch): number {
  return filterChips(search).length + (bind.advanced.fromSearch(search) ? 1 : 0)
}
