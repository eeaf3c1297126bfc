import { filterSyntaxError } from './query-error.ts'
import { type Operator, type Token, tokenize } from './tokenizer.ts'

export interface Comparison {
  kind: 'comparison'
  field: string
  fieldPosition: number
  operator: Operator
  operatorPosition: number
  value: string
  valuePosition: number
}

export interface Junction {
  kind: 'and' | 'or'
  operands: FilterNode[]
}

export type FilterNode = Comparison | Junction

const FIELD_NAME = /^[A-Za-z0-9_]+$/
// Bounds the recursion, so a hostile filter of nested parentheses is a 400 rather than a stack overflow.
const MAX_DEPTH = 64

/** Parses a filter per em-api.md §4.2 (`;` binds tighter than `,`); null for an empty filter; throws QueryError with the position. */
export function parseFilter(filter: string): FilterNode | null {
  const tokens = tokenize(filter)
  let index = 0
  let depth = 0
  const peek = (): Token => tokens[index] ?? { kind: 'end', position: filter.length }
  const next = (): Token => {
    const token = peek()
    index++
    return token
  }
  const fail = (token: Token, problem: string) => filterSyntaxError(filter, token.position, problem)

  const parseOr = (): FilterNode => {
    const operands = [parseAnd(null)]
    while (peek().kind === 'or') operands.push(parseAnd(next()))
    return operands.length === 1 && operands[0] ? operands[0] : { kind: 'or', operands }
  }

  // `separator` is the `,` before this operand: a separator with nothing usable after it is the mistake.
  const parseAnd = (separator: Token | null): FilterNode => {
    const operands = [parsePrimary(separator)]
    while (peek().kind === 'and') operands.push(parsePrimary(next()))
    return operands.length === 1 && operands[0] ? operands[0] : { kind: 'and', operands }
  }

  const parsePrimary = (separator: Token | null): FilterNode => {
    const token = peek()
    if (token.kind === 'open') {
      if (++depth > MAX_DEPTH) throw fail(token, `parentheses nested deeper than ${MAX_DEPTH}`)
      next()
      const inner = parseOr()
      const close = peek()
      if (close.kind !== 'close') {
        throw fail(close, `expected ')' to close '(' at position ${token.position}`)
      }
      next()
      depth--
      return inner
    }
    if (token.kind !== 'word') throw fail(separator ?? token, 'expected a comparison')
    return parseComparison()
  }

  const parseComparison = (): Comparison => {
    const field = next()
    if (field.kind !== 'word' || !FIELD_NAME.test(field.text)) {
      throw fail(field, 'expected a field name (letters, digits, _)')
    }
    const operator = next()
    if (operator.kind !== 'operator') throw fail(operator, 'expected an operator (==, !=, <, >, <=, >=)')
    const value = next()
    if (value.kind !== 'word' && value.kind !== 'quoted') throw fail(value, 'expected a value')
    return {
      kind: 'comparison',
      field: field.text,
      fieldPosition: field.position,
      operator: operator.operator,
      operatorPosition: operator.position,
      value: value.text,
      valuePosition: value.position,
    }
  }

  if (peek().kind === 'end') return null
  const root = parseOr()
  const rest = peek()
  if (rest.kind === 'close') throw fail(rest, "unbalanced ')'")
  if (rest.kind !== 'end') throw fail(rest, "expected ';', ',' or end of filter")
  return root
}
