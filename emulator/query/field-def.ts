import type { Micros } from '../data/records.ts'
import type { QuerySource, QueryType } from './query-source.ts'

// One filterable and sortable field of a query type (em-api.md §4.3), by its §4.2 value type.
// Getters take the source because some values live on another record (a task's JobName is its session's).

interface FieldBase {
  name: string
  /** Element names clients use instead (CreationTimeUTC, EndTimeUTC). */
  aliases?: readonly string[]
}

export interface StringField<R> extends FieldBase {
  kind: 'String'
  get: (record: R, source: QuerySource) => string
}

/** A UID is `prefix + id`; keeping them apart spares building the text for every record. */
export interface UidField<R> extends FieldBase {
  kind: 'UidType'
  prefix: string
  id: (record: R, source: QuerySource) => string
}

export interface EnumField<R> extends FieldBase {
  kind: 'Enum'
  /** In documented order: comparisons use the position. */
  values: readonly string[]
  get: (record: R, source: QuerySource) => string
}

export interface DateTimeField<R> extends FieldBase {
  kind: 'DateTime'
  /** `end-time`: null follows the end-time mode (§7); `absent`: null is never written (Job NextRun). */
  whenNull: 'end-time' | 'absent'
  get: (record: R, source: QuerySource) => Micros | null
}

export interface BooleanField<R> extends FieldBase {
  kind: 'Boolean'
  get: (record: R, source: QuerySource) => boolean
}

export interface LongField<R> extends FieldBase {
  kind: 'Long'
  get: (record: R, source: QuerySource) => number
}

export type FieldDef<R> =
  | StringField<R>
  | UidField<R>
  | EnumField<R>
  | DateTimeField<R>
  | BooleanField<R>
  | LongField<R>

export interface FieldTable<R> {
  type: QueryType
  byName: ReadonlyMap<string, FieldDef<R>>
}

/** Indexes fields by lower-cased name and alias, since field names are case-insensitive (§4.2). */
export function fieldTable<R>(type: QueryType, fields: readonly FieldDef<R>[]): FieldTable<R> {
  const byName = new Map<string, FieldDef<R>>()
  for (const field of fields) {
    for (const name of [field.name, ...(field.aliases ?? [])]) byName.set(name.toLowerCase(), field)
  }
  return { type, byName }
}

/** The field called `name` in any letter case, or undefined (Progress included: it is not queryable). */
export function lookupField<R>(table: FieldTable<R>, name: string): FieldDef<R> | undefined {
  return table.byName.get(name.toLowerCase())
}
