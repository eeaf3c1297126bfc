import { compileComparison, enumAccepted, enumPredicate, type Predicate } from './compile-comparison.ts'
import { type EnumField, type FieldDef, type FieldTable, lookupField } from './field-def.ts'
import { type Comparison, type FilterNode, type Junction, parseFilter } from './parser.ts'
import { QueryError } from './query-error.ts'
import type { EndTimeMode } from './query-source.ts'

const CACHE_LIMIT = 128

export type FilterCompiler<R> = (filter: string, mode: EndTimeMode) => Predicate<R> | null

/**
 * A compiler of filters over `table`: it returns the predicate for a filter (null when empty) or throws QueryError.
 * Pollers repeat the same few filters, so each text is parsed and compiled once (bounded LRU).
 */
export function filterCompiler<R>(table: FieldTable<R>): FilterCompiler<R> {
  const cache = new Map<string, Predicate<R> | null>()
  return (filter, mode) => {
    const key = `${mode}\u0000${filter}`
    const cached = cache.get(key)
    if (cached !== undefined) {
      cache.delete(key)
      cache.set(key, cached)
      return cached
    }
    const node = parseFilter(filter)
    const predicate = node === null ? null : compileNode(table, node, mode)
    cache.set(key, predicate)
    if (cache.size > CACHE_LIMIT) {
      const oldest = cache.keys().next()
      if (!oldest.done) cache.delete(oldest.value)
    }
    return predicate
  }
}

function compileNode<R>(table: FieldTable<R>, node: FilterNode, mode: EndTimeMode): Predicate<R> {
  if (node.kind === 'comparison') return compileComparison(fieldOf(table, node), node, mode)
  const operands = compileOperands(table, node, mode)
  if (node.kind === 'and') {
    return (record, source) => {
      for (const operand of operands) if (!operand(record, source)) return false
      return true
    }
  }
  return (record, source) => {
    for (const operand of operands) if (operand(record, source)) return true
    return false
  }
}

function fieldOf<R>(table: FieldTable<R>, comparison: Comparison): FieldDef<R> {
  const field = lookupField(table, comparison.field)
  if (field === undefined) {
    throw new QueryError(
      `Unknown filter field '${comparison.field}' for type ${table.type}.`,
      comparison.fieldPosition,
    )
  }
  return field
}

// `State==Starting,State==Working,…` is one set lookup, not five: enum comparisons on the same field
// within a junction merge into one set (union under `,`, intersection under `;`), tested first.
function compileOperands<R>(table: FieldTable<R>, node: Junction, mode: EndTimeMode): Predicate<R>[] {
  const sets = new Map<EnumField<R>, Set<string>>()
  const others: Predicate<R>[] = []
  for (const operand of node.operands) {
    const field = operand.kind === 'comparison' ? fieldOf(table, operand) : undefined
    if (operand.kind !== 'comparison' || field?.kind !== 'Enum') {
      others.push(compileNode(table, operand, mode))
      continue
    }
    const accepted = enumAccepted(field, operand)
    const prior = sets.get(field)
    sets.set(field, prior === undefined ? accepted : combine(prior, accepted, node.kind))
  }
  return [...[...sets].map(([field, accepted]) => enumPredicate(field, accepted)), ...others]
}

function combine(a: Set<string>, b: Set<string>, kind: Junction['kind']): Set<string> {
  return kind === 'or' ? new Set([...a, ...b]) : new Set([...a].filter((value) => b.has(value)))
}
