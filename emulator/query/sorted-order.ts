import { compareIgnoreCase } from './fold-case.ts'
import type { QuerySource } from './query-source.ts'
import type { KeyColumn, SortKeys } from './sort.ts'

// Sorting in a JS comparator costs ~150 ns a call on the target machine, so a 200k-record sort is far too slow
// per request. Small match sets are sorted directly; large ones walk a cached order of all records, which is
// patched when the store changes (em-api.md §7: running sessions advance, new ones start) instead of re-sorted.

type Comparator = (p: number, q: number) => number

// Ties always go by UID ascending (§4.4), in either direction; a UID is the type's prefix plus the id.
function comparator<R extends { id: string }>(
  column: KeyColumn<R>,
  records: readonly (R | undefined)[],
  descending: boolean,
): Comparator {
  const tie: Comparator = (p, q) => compareIgnoreCase(records[p]?.id ?? '', records[q]?.id ?? '')
  if (descending) return (p, q) => column.compare(q, p) || tie(p, q)
  return (p, q) => column.compare(p, q) || tie(p, q)
}

export interface SortInput<R> {
  /** Names the order (field and direction), for caching it. */
  key: string
  keys: SortKeys<R>
  descending: boolean
  source: QuerySource
}

/** `records` in sort order (ascending or descending by key, ties by UID ascending). */
export function sortRecords<R extends { id: string }>(
  records: R[],
  { keys, descending, source }: SortInput<R>,
): R[] {
  const column = keys.column()
  records.forEach((record, p) => {
    column.set(p, record, source)
  })
  const order = records.map((_, p) => p).sort(comparator(column, records, descending))
  return order.flatMap((p) => records[p] ?? [])
}

export interface OrderCache<R> {
  /** Indices of `records` in sort order; reused while the source version and the array hold. */
  order(records: readonly R[], sort: SortInput<R>): Int32Array
}

// A dozen sort fields in two directions exist per type; keep the recently used ones.
const ORDERS_KEPT = 8

/**
 * One order of all records by one sort key. It owns its buffers and patches them in place when the store changes
 * (only this class writes them); every order it hands out is a new array that later updates leave alone.
 */
class CachedOrder<R extends { id: string }> {
  readonly #keys: SortKeys<R>
  readonly #descending: boolean
  readonly #column: KeyColumn<R>
  /** What each position held when the order was last made, and its raw key then: to spot what changed since. */
  readonly #snapshot: R[] = []
  readonly #raw: unknown[] = []
  #records: readonly R[] | undefined
  #version = Number.NaN
  #order: Int32Array = new Int32Array(0)

  constructor({ keys, descending }: SortInput<R>) {
    this.#keys = keys
    this.#descending = descending
    this.#column = keys.column()
  }

  /** The order of `records`, brought up to date with the source first if either changed. */
  orderOf(records: readonly R[], source: QuerySource): Int32Array {
    const current =
      this.#version === source.version &&
      this.#records === records &&
      this.#snapshot.length === records.length
    if (!current) this.#update(records, source)
    return this.#order
  }

  #update(records: readonly R[], source: QuerySource): void {
    this.#align(records)
    const snapshot = this.#snapshot
    const known = snapshot.length
    const changed: number[] = []
    for (let i = 0; i < records.length; i++) {
      const record = records[i]
      if (record === undefined) throw new Error(`Record array has a hole at ${i}`)
      const now = this.#keys.raw(record, source)
      if (i < known && record === snapshot[i] && now === this.#raw[i]) continue
      snapshot[i] = record
      this.#raw[i] = now
      this.#column.set(i, record, source)
      changed.push(i)
    }
    this.#records = records
    this.#version = source.version
    if (changed.length === 0) return
    const compare = comparator(this.#column, snapshot, this.#descending)
    const isChanged = new Uint8Array(records.length)
    for (const i of changed) isChanged[i] = 1
    const kept = new Int32Array(this.#order.length)
    let k = 0
    for (const i of this.#order) if (isChanged[i] !== 1) kept[k++] = i
    this.#order = insertSorted(kept.subarray(0, k), changed.sort(compare), compare)
  }

  // Lines the buffers up with `records`. A store that drops its oldest records (retention, em-api.md §6.6) shifts
  // every index: find the old position of the new first record and renumber, rather than taking every position as
  // changed. Positions past the new end are dropped.
  #align(records: readonly R[]): void {
    const snapshot = this.#snapshot
    const first = records[0]
    const found = first === undefined || snapshot[0] === first ? 0 : snapshot.indexOf(first)
    const drop = Math.max(0, found)
    const length = Math.min(snapshot.length - drop, records.length)
    if (drop === 0 && length === snapshot.length) return
    snapshot.splice(0, drop)
    this.#raw.splice(0, drop)
    this.#column.drop(drop)
    snapshot.length = length
    this.#raw.length = length
    const order = new Int32Array(length)
    let k = 0
    for (const old of this.#order) {
      const i = old - drop
      if (i >= 0 && i < length) order[k++] = i
    }
    this.#order = order.slice(0, k)
  }
}

/** A cache of presorted orders for one query type, the most recently used kept. */
export function orderCache<R extends { id: string }>(): OrderCache<R> {
  const entries = new Map<string, CachedOrder<R>>()
  return {
    order(records, sort) {
      const entry = entries.get(sort.key) ?? new CachedOrder(sort)
      // Out of the cache while it updates: an update that throws leaves no half-patched order behind.
      entries.delete(sort.key)
      const order = entry.orderOf(records, sort.source)
      entries.set(sort.key, entry)
      if (entries.size > ORDERS_KEPT) {
        const oldest = entries.keys().next()
        if (!oldest.done) entries.delete(oldest.value)
      }
      return order
    },
  }
}

// Merges `added` (sorted) into `kept` (sorted) with a binary search per added item: a few comparator calls
// each instead of one per record, and block copies for the rest.
function insertSorted(kept: Int32Array, added: readonly number[], compare: Comparator): Int32Array {
  const merged = new Int32Array(kept.length + added.length)
  let from = 0
  let to = 0
  for (const item of added) {
    let low = from
    let high = kept.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (compare(kept[middle] ?? 0, item) < 0) low = middle + 1
      else high = middle
    }
    merged.set(kept.subarray(from, low), to)
    to += low - from
    merged[to++] = item
    from = low
  }
  merged.set(kept.subarray(from), to)
  return merged
}
