// The typed session query shared by the explorer and the wall: a filter object → EM filter text (§4.2),
// and the whole query → a /api/query path (§4.1). Screens never write filter text by hand.
import { checkFilter, type FilterCheck } from './filter-checker.ts'
import type { FilterFieldType } from './filter-values.ts'
import { KNOWN_STATES } from './session-status.ts'

export type SortField =
  | 'Name'
  | 'JobName'
  | 'CreationTime'
  | 'EndTime'
  | 'State'
  | 'Result'
  | 'IsRetry'
  | 'BackupServerName'
  | 'JobType'
  | 'UID'
  | 'JobUid'
  | 'BackupServerUid'

/** Times are epoch ms; empty strings and empty lists mean "no condition". */
export interface SessionFilter {
  name?: string
  uid?: string
  jobUid?: string
  jobName?: string
  jobType?: 'Replica'
  backupServerUid?: string
  backupServerName?: string
  states?: string[]
  results?: string[]
  isRetry?: boolean
  creationFrom?: number
  creationTo?: number
  endFrom?: number
  endTo?: number
  /** A hand-written EM filter expression, ANDed with the rest. */
  advanced?: string
}

export interface SessionSort {
  field: SortField
  dir: 'asc' | 'desc'
}

export interface SessionQuery {
  filter: SessionFilter
  /** Default: newest first (CreationTime desc). */
  sort?: SessionSort
  page: number
  pageSize: number
  /** Default Entities. */
  format?: 'References' | 'Entities'
}

export interface SessionFilterField {
  name: SortField
  type: FilterFieldType
  values?: readonly string[]
  aliases?: readonly string[]
}

/** The filterable (and sortable) ReplicaJobSession fields of em-api.md §4.3, in its order. */
export const SESSION_FILTER_FIELDS: readonly SessionFilterField[] = [
  { name: 'UID', type: 'UidType' },
  { name: 'Name', type: 'String' },
  { name: 'JobType', type: 'Enum', values: ['Replica'] },
  { name: 'JobUid', type: 'UidType' },
  { name: 'JobName', type: 'String' },
  { name: 'CreationTime', type: 'DateTime', aliases: ['CreationTimeUTC'] },
  { name: 'EndTime', type: 'DateTime', aliases: ['EndTimeUTC'] },
  { name: 'State', type: 'Enum', values: KNOWN_STATES },
  // None is what a running session carries (§7); EM accepts it in filters.
  { name: 'Result', type: 'Enum', values: ['Success', 'Warning', 'Failed', 'None'] },
  { name: 'IsRetry', type: 'Boolean' },
  { name: 'BackupServerUid', type: 'UidType' },
  { name: 'BackupServerName', type: 'String' },
]

const DEFAULT_SORT: SessionSort = { field: 'CreationTime', dir: 'desc' }

// Quoting keeps spaces, ';', ',' and parentheses inside the value (§4.2, §9.13); a literal " is doubled.
function quoted(value: string): string {
  return `"${value.replaceAll('"', '""')}"`
}

// Enum values go bare when they are plain words, as EM's examples write them; anything else is quoted.
function enumValue(value: string): string {
  return /^[A-Za-z0-9_]+$/.test(value) ? value : quoted(value)
}

function utc(ms: number): string {
  if (!Number.isFinite(ms)) throw new RangeError(`Not a time: ${ms}`)
  return quoted(new Date(ms).toISOString().replace('.000Z', 'Z'))
}

// An upper bound covers its whole millisecond: EM stores up to 7 fraction digits (em-api.md §DateTime) while a
// browser time stops at milliseconds, so `<= .123` would drop a session created at .1234567 that the user sees
// as .123 and asked for.
function utcUpTo(ms: number): string {
  if (!Number.isFinite(ms)) throw new RangeError(`Not a time: ${ms}`)
  return quoted(new Date(ms).toISOString().replace('Z', '9999Z'))
}

function anyOf(field: string, values: readonly string[] | undefined): string | null {
  const distinct = [...new Set((values ?? []).filter((value) => value !== ''))]
  if (distinct.length === 0) return null
  const parts = distinct.map((value) => `${field}==${enumValue(value)}`)
  return parts.length === 1 ? (parts[0] ?? null) : `(${parts.join(',')})`
}

function text(field: string, value: string | undefined): string | null {
  return value ? `${field}==${quoted(value)}` : null
}

/** The EM filter text for a SessionFilter: conditions joined by `;` (AND), lists as OR groups; '' when empty. */
export function buildFilter(filter: SessionFilter): string {
  const parts = [
    text('Name', filter.name),
    text('UID', filter.uid),
    text('JobUid', filter.jobUid),
    text('JobName', filter.jobName),
    filter.jobType ? `JobType==${enumValue(filter.jobType)}` : null,
    text('BackupServerUid', filter.backupServerUid),
    text('BackupServerName', filter.backupServerName),
    anyOf('State', filter.states),
    anyOf('Result', filter.results),
    filter.isRetry === undefined ? null : `IsRetry==${filter.isRetry}`,
    filter.creationFrom === undefined ? null : `CreationTime>=${utc(filter.creationFrom)}`,
    filter.creationTo === undefined ? null : `CreationTime<=${utcUpTo(filter.creationTo)}`,
    filter.endFrom === undefined ? null : `EndTime>=${utc(filter.endFrom)}`,
    filter.endTo === undefined ? null : `EndTime<=${utcUpTo(filter.endTo)}`,
    filter.advanced?.trim() ? `(${filter.advanced.trim()})` : null,
  ]
  return parts.filter((part) => part !== null).join(';')
}

function positiveInt(name: string, value: number): string {
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`${name} must be an integer ≥ 1, not ${value}`)
  return String(value)
}

/** The `/api/query?type=ReplicaJobSession…` proxy path for a query, every value percent-encoded; no filter when empty. */
export function buildQueryPath(query: SessionQuery): string {
  const sort = query.sort ?? DEFAULT_SORT
  const filter = buildFilter(query.filter)
  const params: [string, string][] = [
    ['type', 'ReplicaJobSession'],
    ['format', query.format ?? 'Entities'],
  ]
  if (filter) params.push(['filter', filter])
  params.push(
    [sort.dir === 'asc' ? 'sortAsc' : 'sortDesc', sort.field],
    ['pageSize', positiveInt('pageSize', query.pageSize)],
    ['page', positiveInt('page', query.page)],
  )
  return `/api/query?${params.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&')}`
}

const GUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'

/** `urn:veeam:<kind>:<guid>` (any case) or a bare GUID, braced or not → the canonical lower-case urn; else null. */
export function normalizeUid(
  kind: 'Job' | 'BackupServer' | 'ReplicaJobSession',
  text: string,
): string | null {
  const pattern = new RegExp(`^(?:urn:veeam:${kind}:)?(?:\\{(${GUID})\\}|(${GUID}))$`, 'i')
  const match = pattern.exec(text.trim())
  const guid = match?.[1] ?? match?.[2]
  return guid ? `urn:veeam:${kind}:${guid.toLowerCase()}` : null
}

/** Checks an advanced filter expression against EM's grammar and the ReplicaJobSession fields; never throws. */
export function checkFilterSyntax(text: string): FilterCheck {
  return checkFilter(text, SESSION_FILTER_FIELDS)
}
