import type { Predicate } from './compile-comparison.ts'
import { QUERY_CONFIGS, type QueryConfig } from './query-configs.ts'
import type { EndTimeMode, QueryRecordOf, QuerySource, QueryType } from './query-source.ts'
import { resolveSort, sortKeys } from './sort.ts'
import { sortRecords } from './sorted-order.ts'

/** Query parameters after the handler has checked their shape (em-api.md §4.1). */
export interface QueryParams {
  filter?: string
  sortAsc?: string
  sortDesc?: string
  pageSize?: number
  page?: number
}

export interface QueryPage<T> {
  items: T[]
  pageNum: number
  pageSize: number
  pagesCount: number
}

const DEFAULT_PAGE_SIZE = 100
const MAX_PAGE_SIZE = 1000
// Up to this many matches, sorting them is cheaper than walking a presorted order of every record.
const DIRECT_SORT_LIMIT = 2000

/** Filters, sorts and pages records of `type` (em-api.md §4.1–4.5); throws QueryError on a bad filter or sort field. */
export function runQuery<T extends QueryType>(
  source: QuerySource,
  type: T,
  params: QueryParams,
  options: { endTimeMode: EndTimeMode },
): QueryPage<QueryRecordOf<T>> {
  const config: QueryConfig<QueryRecordOf<T>> = QUERY_CONFIGS[type]
  return execute(config, { source, params, mode: options.endTimeMode })
}

interface QueryRequest {
  source: QuerySource
  params: QueryParams
  mode: EndTimeMode
}

function execute<R extends { id: string }>(
  config: QueryConfig<R>,
  { source, params, mode }: QueryRequest,
): QueryPage<R> {
  const predicate = config.compile(params.filter ?? '', mode)
  const sort = resolveSort(config.fields, params, config.defaultSort)
  const sortInput = { key: sort.key, keys: sortKeys(sort.field), descending: sort.descending, source }
  const pageSize = clamp(params.pageSize, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)
  const pageNum = clamp(params.page, 1, Number.MAX_SAFE_INTEGER)
  const records = config.records(source)

  const matched = predicate === null ? null : scan(records, predicate, source)
  const total = matched === null ? records.length : matched.length
  // §4.5: no total count exists, and an empty result is still page 1 of 1.
  const page = { pageNum, pageSize, pagesCount: Math.max(1, Math.ceil(total / pageSize)) }
  const start = (pageNum - 1) * pageSize
  if (start >= total) return { items: [], ...page }

  if (total <= DIRECT_SORT_LIMIT) {
    const chosen = matched === null ? records.slice() : pickAll(records, matched)
    return { items: sortRecords(chosen, sortInput).slice(start, start + pageSize), ...page }
  }
  const order = config.orders.order(records, sortInput)
  // A filter that kept everything needs no membership test.
  const kept = matched !== null && matched.length === records.length ? null : matched
  return { items: pickWindow(records, order, { matched: kept, start, size: pageSize }), ...page }
}

// Scratch buffers reused across queries (runQuery is synchronous): large allocations per request cost GC time.
let matchBuffer = new Int32Array(0)
let flagBuffer = new Uint8Array(0)

function scan<R>(records: readonly R[], predicate: Predicate<R>, source: QuerySource): Int32Array {
  if (matchBuffer.length < records.length) matchBuffer = new Int32Array(records.length)
  const matched = matchBuffer
  let count = 0
  for (let i = 0; i < records.length; i++) {
    const record = records[i]
    if (record !== undefined && predicate(record, source)) matched[count++] = i
  }
  return matched.subarray(0, count)
}

// A page size or number the handler left out is defaulted; anything below 1 or above the cap is clamped.
function clamp(value: number | undefined, fallback: number, max: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback
  return Math.min(max, Math.max(1, Math.floor(value)))
}

function pickAll<R>(records: readonly R[], indices: ArrayLike<number>): R[] {
  const picked: R[] = []
  for (let p = 0; p < indices.length; p++) {
    const record = records[indices[p] ?? 0]
    if (record !== undefined) picked.push(record)
  }
  return picked
}

// Walks the presorted order, counting only matched records, and keeps those inside the page.
function pickWindow<R>(
  records: readonly R[],
  order: Int32Array,
  { matched, start, size }: { matched: Int32Array | null; start: number; size: number },
): R[] {
  if (matched === null) return pickAll(records, order.subarray(start, start + size))
  if (flagBuffer.length < records.length) flagBuffer = new Uint8Array(records.length)
  const isMatch = flagBuffer
  isMatch.fill(0, 0, records.length)
  for (let p = 0; p < matched.length; p++) isMatch[matched[p] ?? 0] = 1
  const window: number[] = []
  let seen = 0
  for (let p = 0; p < order.length; p++) {
    const i = order[p] ?? 0
    if (isMatch[i] !== 1) continue
    if (seen >= start) window.push(i)
    seen++
    if (window.length === size) break
  }
  return pickAll(records, window)
}
