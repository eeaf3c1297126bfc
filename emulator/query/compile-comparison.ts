import type { DateTimeField, EnumField, FieldDef, UidField } from './field-def.ts'
import { readBoolean, readDateTime, readInteger, type ValueRead } from './filter-values.ts'
import { compareIgnoreCase, equalsIgnoreCaseTo } from './fold-case.ts'
import type { Comparison } from './parser.ts'
import { QueryError } from './query-error.ts'
import type { EndTimeMode, QuerySource } from './query-source.ts'
import type { Operator } from './tokenizer.ts'

export type Predicate<R> = (record: R, source: QuerySource) => boolean

// 1900-01-01T00:00:00Z in microseconds: what sentinel mode writes for a running session's end (§7).
export const END_SENTINEL_MICROS = -2_208_988_800_000_000

/** Turns one comparison into a predicate for `field`, reading the value by the field's type (em-api.md §4.2). */
export function compileComparison<R>(
  field: FieldDef<R>,
  comparison: Comparison,
  mode: EndTimeMode,
): Predicate<R> {
  const { operator, value } = comparison
  switch (field.kind) {
    case 'String': {
      const { get } = field
      const equals = equalsIgnoreCaseTo(value)
      if (operator === '==') return (r, s) => equals(get(r, s))
      if (operator === '!=') return (r, s) => !equals(get(r, s))
      const test = signTest(operator)
      return (r, s) => test(compareIgnoreCase(get(r, s), value))
    }
    case 'UidType':
      return compileUid(field, operator, value)
    case 'Enum':
      return enumPredicate(field, enumAccepted(field, comparison))
    case 'DateTime':
      return compileDateTime(field, comparison, mode)
    case 'Boolean': {
      if (operator !== '==' && operator !== '!=') {
        throw new QueryError(
          `Operator '${operator}' at position ${comparison.operatorPosition} is not allowed for Boolean field '${field.name}'; use == or !=.`,
          comparison.operatorPosition,
        )
      }
      const { get } = field
      const wanted = readOrThrow(readBoolean(value), field, comparison) === (operator === '==')
      return (r, s) => get(r, s) === wanted
    }
    case 'Long': {
      const { get } = field
      const test = numberTest(operator, readOrThrow(readInteger(value), field, comparison))
      return (r, s) => test(get(r, s))
    }
  }
}

function readOrThrow<T>(
  read: ValueRead<T>,
  field: { kind: string; name: string },
  comparison: Comparison,
): T {
  if (read.ok) return read.value
  const position = comparison.valuePosition
  throw new QueryError(
    `Invalid value '${comparison.value}' at position ${position} for ${field.kind} field '${field.name}': ${read.problem}.`,
    position,
  )
}

// Every UID of a field shares its prefix, so only the id part needs comparing per record.
function compileUid<R>(field: UidField<R>, operator: Operator, value: string): Predicate<R> {
  const { prefix, id } = field
  const head = compareIgnoreCase(prefix, value.slice(0, prefix.length))
  if (head !== 0) {
    const constant = signTest(operator)(head)
    return () => constant
  }
  const rest = value.slice(prefix.length)
  const equals = equalsIgnoreCaseTo(rest)
  if (operator === '==') return (r, s) => equals(id(r, s))
  if (operator === '!=') return (r, s) => !equals(id(r, s))
  const test = signTest(operator)
  return (r, s) => test(compareIgnoreCase(id(r, s), rest))
}

/** The enum values (as records hold them) that satisfy `comparison`; throws QueryError for a value off the list. */
export function enumAccepted<R>(field: EnumField<R>, comparison: Comparison): Set<string> {
  const wanted = comparison.value.toLowerCase()
  const position = field.values.findIndex((v) => v.toLowerCase() === wanted)
  const rank = readOrThrow<number>(
    position >= 0
      ? { ok: true, value: position }
      : { ok: false, problem: `expected one of ${field.values.join(', ')}` },
    field,
    comparison,
  )
  const test = numberTest(comparison.operator, rank)
  return new Set(field.values.filter((_, i) => test(i)))
}

/** A predicate for membership of the field's value in `accepted`. */
export function enumPredicate<R>(field: EnumField<R>, accepted: ReadonlySet<string>): Predicate<R> {
  const { get } = field
  if (accepted.size === 0) return () => false
  if (accepted.size === field.values.length) return () => true
  const [only] = accepted
  if (accepted.size === 1 && only !== undefined) return (r, s) => get(r, s) === only
  return (r, s) => accepted.has(get(r, s))
}

function compileDateTime<R>(
  field: DateTimeField<R>,
  comparison: Comparison,
  mode: EndTimeMode,
): Predicate<R> {
  const { micros, between } = readOrThrow(readDateTime(comparison.value), field, comparison)
  const test = instantTest(comparison.operator, micros, between)
  // §7: sentinel mode compares a running end as 1900; otherwise the value is missing and only != holds.
  const whenNull =
    field.whenNull === 'end-time' && mode === 'sentinel'
      ? test(END_SENTINEL_MICROS)
      : comparison.operator === '!='
  const { get } = field
  return (r, s) => {
    const time = get(r, s)
    return time === null ? whenNull : test(time)
  }
}

// Records hold whole microseconds; a 7th fraction digit puts the value strictly between two of them.
function instantTest(operator: Operator, micros: number, between: boolean): (time: number) => boolean {
  if (!between) return numberTest(operator, micros)
  if (operator === '==') return () => false
  if (operator === '!=') return () => true
  return operator === '<' || operator === '<=' ? numberTest('<=', micros) : numberTest('>=', micros + 1)
}

function numberTest(operator: Operator, value: number): (x: number) => boolean {
  switch (operator) {
    case '==':
      return (x) => x === value
    case '!=':
      return (x) => x !== value
    case '<':
      return (x) => x < value
    case '>':
      return (x) => x > value
    case '<=':
      return (x) => x <= value
    case '>=':
      return (x) => x >= value
  }
}

function signTest(operator: Operator): (sign: number) => boolean {
  return numberTest(operator, 0)
}
