import { type FieldDef, type FieldTable, lookupField } from './field-def.ts'
import { foldCase } from './fold-case.ts'
import { QueryError } from './query-error.ts'
import type { QuerySource } from './query-source.ts'

export interface SortSpec<R> {
  field: FieldDef<R>
  descending: boolean
  /** Names the order, for caching it. */
  key: string
}

/** The sort named by sortAsc or sortDesc (any case, CreationTimeUTC/EndTimeUTC aliases), else `defaultField` ascending. */
export function resolveSort<R>(
  table: FieldTable<R>,
  params: { sortAsc?: string | undefined; sortDesc?: string | undefined },
  defaultField: string,
): SortSpec<R> {
  const asc = params.sortAsc?.trim() ?? ''
  const desc = params.sortDesc?.trim() ?? ''
  if (asc !== '' && desc !== '') throw new QueryError('Use either sortAsc or sortDesc, not both.')
  const name = asc || desc || defaultField
  const field = lookupField(table, name)
  if (field === undefined) throw new QueryError(`Unknown sort field '${name}' for type ${table.type}.`)
  const descending = desc !== ''
  return { field, descending, key: `${field.name}:${descending ? 'desc' : 'asc'}` }
}

/** Sort keys of records held by position, compared as filters compare them (em-api.md §4.4). */
export interface KeyColumn<R> {
  set(position: number, record: R, source: QuerySource): void
  compare(p: number, q: number): number
  /** Removes the first `count` positions, renumbering the rest. */
  drop(count: number): void
}

export interface SortKeys<R> {
  /** The field's value as stored: cheap, and unchanged exactly when the sort key is unchanged. */
  raw(record: R, source: QuerySource): unknown
  column(): KeyColumn<R>
}

/** Key extraction for `field`: strings fold case once per record, enums rank, a missing date ranks lowest. */
export function sortKeys<R>(field: FieldDef<R>): SortKeys<R> {
  switch (field.kind) {
    case 'String':
      return { raw: field.get, column: () => stringColumn((r, s) => foldCase(field.get(r, s))) }
    case 'UidType':
      // One prefix per field: the id decides.
      return { raw: field.id, column: () => stringColumn((r, s) => foldCase(field.id(r, s))) }
    case 'Enum': {
      const rank = new Map(field.values.map((value, i) => [value, i]))
      return { raw: field.get, column: () => numberColumn((r, s) => rank.get(field.get(r, s)) ?? -1) }
    }
    case 'DateTime':
      // An unknown end (§7) sorts as the smallest EndTime, whatever the end-time mode.
      return {
        raw: field.get,
        column: () => numberColumn((r, s) => field.get(r, s) ?? Number.NEGATIVE_INFINITY),
      }
    case 'Boolean':
      return { raw: field.get, column: () => numberColumn((r, s) => (field.get(r, s) ? 1 : 0)) }
    case 'Long':
      return { raw: field.get, column: () => numberColumn(field.get) }
  }
}

function numberColumn<R>(key: (record: R, source: QuerySource) => number): KeyColumn<R> {
  const values: number[] = []
  return {
    set: (position, record, source) => {
      values[position] = key(record, source)
    },
    compare: (p, q) => {
      const a = values[p] ?? 0
      const b = values[q] ?? 0
      return a < b ? -1 : a > b ? 1 : 0
    },
    drop: (count) => {
      values.splice(0, count)
    },
  }
}

function stringColumn<R>(key: (record: R, source: QuerySource) => string): KeyColumn<R> {
  const values: string[] = []
  return {
    set: (position, record, source) => {
      values[position] = key(record, source)
    },
    compare: (p, q) => {
      const a = values[p] ?? ''
      const b = values[q] ?? ''
      return a < b ? -1 : a > b ? 1 : 0
    },
    drop: (count) => {
      values.splice(0, count)
    },
  }
}
