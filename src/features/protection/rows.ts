// The table's rows for a search: filters and sort applied in the browser to the computed view (the view is
// computed once per set of EM answers; changing a filter asks EM nothing).
import { compareText } from '@/em/protection/compare-text.ts'
import { worstFirst } from '@/em/protection/protection-model.ts'
import type { ProtectionRow, ProtectionStatus } from '@/em/protection/protection-types.ts'
import { type ProtectionSearch, parseSort, type SortField } from './search-params.ts'

const same = (a: string | null, b: string | undefined) =>
  b === undefined || (a ?? '').toLowerCase() === b.toLowerCase()

/** Rows of the chosen job, server, platform and VM name: what the summary and the reason groups count. */
export function scopeRows(rows: readonly ProtectionRow[], search: ProtectionSearch): ProtectionRow[] {
  const vm = search.vm?.toLowerCase()
  return rows.filter(
    (row) =>
      same(row.jobName, search.job) &&
      same(row.serverName, search.server) &&
      same(row.platform, search.platform) &&
      (vm === undefined || row.vmName.toLowerCase().includes(vm)),
  )
}

/** The scoped rows narrowed by status and failure reason: what the table shows. */
export function filterRows(rows: readonly ProtectionRow[], search: ProtectionSearch): ProtectionRow[] {
  const statuses: readonly ProtectionStatus[] | undefined = search.status
  const reason = search.reason?.toLowerCase()
  return scopeRows(rows, search).filter(
    (row) =>
      (statuses === undefined || statuses.includes(row.status)) &&
      (reason === undefined || (row.failedRuns > 0 && row.reason?.key === reason)),
  )
}

const text = compareText

const COMPARE: Readonly<Record<SortField, (a: ProtectionRow, b: ProtectionRow) => number>> = {
  status: worstFirst,
  vm: (a, b) => text(a.vmName, b.vmName) || text(a.jobName, b.jobName),
  job: (a, b) => text(a.jobName, b.jobName) || text(a.vmName, b.vmName),
  server: (a, b) => text(a.serverName, b.serverName) || worstFirst(a, b),
  // A VM without any point is older than every one with a point.
  age: (a, b) =>
    (a.ageMs ?? Number.POSITIVE_INFINITY) - (b.ageMs ?? Number.POSITIVE_INFINITY) || worstFirst(a, b),
  run: (a, b) => (a.latestTask?.time ?? 0) - (b.latestTask?.time ?? 0) || worstFirst(a, b),
}

/** Rows in the search's order; `desc` reverses the field's natural order. */
export function sortRows(rows: readonly ProtectionRow[], sortText: string): ProtectionRow[] {
  const { field, desc } = parseSort(sortText)
  const compare = COMPARE[field]
  return [...rows].sort((a, b) => (desc ? compare(b, a) : compare(a, b)))
}

/** The values each filter can take, from the rows themselves. */
export function facetsOf(rows: readonly ProtectionRow[]): {
  jobs: string[]
  servers: string[]
  platforms: string[]
} {
  const distinct = (pick: (row: ProtectionRow) => string | null) =>
    [...new Set(rows.map(pick).filter((value): value is string => value !== null && value !== ''))].sort(
      compareText,
    )
  return {
    jobs: distinct((r) => r.jobName),
    servers: distinct((r) => r.serverName),
    platforms: distinct((r) => r.platform),
  }
}
