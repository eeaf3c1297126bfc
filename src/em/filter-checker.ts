// A client-side checker of EM's filter grammar (em-api.md §4.2), so the advanced box can point at a
// mistake before EM answers 400. It mirrors the grammar; it never evaluates anything.
import { type CheckedField, checkValue, FilterSyntaxError } from './filter-values.ts'

/** position: 0-based index into the text as typed (the end of the text when input ran out). */
export type FilterCheck = { ok: true } | { ok: false; position: number; message: string }

interface Char {
  c: string
  at: number
}

const OPERATORS = ['==', '!=', '<=', '>=', '<', '>'] as const
const NAME_CHAR = /[A-Za-z0-9_]/
const BARE_STOP = new Set(['"', ';', ',', '(', ')', '=', '!', '<', '>'])

// Pre-step of the grammar: whitespace outside double quotes is deleted; original positions are kept.
function significantChars(text: string): Char[] {
  const chars: Char[] = []
  let quoted = false
  let openedAt = 0
  for (let at = 0; at < text.length; at++) {
    const c = text.charAt(at)
    if (c === '"') {
      quoted = !quoted
      if (quoted) openedAt = at
    }
    if (quoted || !/\s/.test(c)) chars.push({ c, at })
  }
  if (quoted)
    throw new FilterSyntaxError(openedAt, 'This quoted value is never closed (a literal " is written "")')
  return chars
}

class Checker {
  private i = 0
  private readonly chars: Char[]
  private readonly fields: readonly CheckedField[]
  private readonly end: number

  constructor(chars: Char[], fields: readonly CheckedField[], end: number) {
    this.chars = chars
    this.fields = fields
    this.end = end
  }

  run(): void {
    if (this.chars.length === 0) return
    this.orExpr()
    if (this.i < this.chars.length) this.fail(`Unexpected '${this.peek()}': expected ';', ',' or the end`)
  }

  private orExpr(): void {
    this.andExpr()
    while (this.peek() === ',') {
      this.i++
      this.andExpr()
    }
  }

  private andExpr(): void {
    this.primary()
    while (this.peek() === ';') {
      this.i++
      this.primary()
    }
  }

  private primary(): void {
    if (this.peek() !== '(') {
      this.comparison()
      return
    }
    this.i++
    this.orExpr()
    if (this.peek() !== ')')
      this.fail(`Expected ')' ${this.peek() ? `instead of '${this.peek()}'` : 'before the end'}`)
    this.i++
  }

  private comparison(): void {
    const fieldAt = this.position()
    let name = ''
    while (NAME_CHAR.test(this.peek())) name += this.next()
    if (!name)
      this.fail(this.peek() ? `Expected a field name instead of '${this.peek()}'` : 'Expected a field name')
    const field = this.fields.find((f) =>
      [f.name, ...(f.aliases ?? [])].some((n) => n.toLowerCase() === name.toLowerCase()),
    )
    if (!field) {
      const known = this.fields.map((f) => f.name).join(', ')
      throw new FilterSyntaxError(fieldAt, `Unknown field '${name}'. Fields: ${known}`)
    }
    const operatorAt = this.position()
    const operator = OPERATORS.find((op) => [...op].every((c, k) => this.chars[this.i + k]?.c === c))
    if (!operator) this.fail(`Expected an operator (==, !=, <, >, <=, >=) after ${field.name}`)
    this.i += operator.length
    const valueAt = this.position()
    const value = this.value(field.name)
    checkValue(field, operator, value, { operatorAt, valueAt })
  }

  private value(fieldName: string): string {
    if (this.peek() === '"') {
      this.i++
      let value = ''
      for (;;) {
        if (!this.peek()) this.fail('This quoted value is never closed')
        const c = this.next()
        if (c !== '"') value += c
        else if (this.peek() === '"') value += this.next()
        else return value
      }
    }
    let value = ''
    while (this.peek() && !BARE_STOP.has(this.peek())) value += this.next()
    if (!value) this.fail(`Expected a value for ${fieldName}`)
    return value
  }

  private peek(): string {
    return this.chars[this.i]?.c ?? ''
  }

  private next(): string {
    const c = this.peek()
    this.i++
    return c
  }

  private position(): number {
    return this.chars[this.i]?.at ?? this.end
  }

  private fail(message: string): never {
    throw new FilterSyntaxError(this.position(), message)
  }
}

/** Checks a filter expression against the grammar and the given fields; never throws. */
export function checkFilter(text: string, fields: readonly CheckedField[]): FilterCheck {
  try {
    new Checker(significantChars(text), fields, text.length).run()
    return { ok: true }
  } catch (error) {
    if (error instanceof FilterSyntaxError)
      return { ok: false, position: error.position, message: error.message }
    throw error
  }
}
