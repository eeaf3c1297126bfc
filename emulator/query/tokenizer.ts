import { filterSyntaxError } from './query-error.ts'

export const OPERATORS = ['==', '!=', '<=', '>=', '<', '>'] as const
export type Operator = (typeof OPERATORS)[number]

/** Every token carries its 0-based position in the filter as the client sent it. */
export type Token =
  | { kind: 'operator'; operator: Operator; position: number }
  | { kind: 'word' | 'quoted'; text: string; position: number }
  | { kind: 'and' | 'or' | 'open' | 'close' | 'invalid' | 'end'; position: number }

// Characters that end a bare value (em-api.md §4.2 `bchar`).
const BARE_STOP = '";,()=!<>'
const PUNCTUATION = { ';': 'and', ',': 'or', '(': 'open', ')': 'close' } as const

interface Stripped {
  text: string
  /** Original position of each character of `text`. */
  positions: number[]
}

// §4.2 pre-step: whitespace outside double quotes is deleted before anything else is read,
// so `Job Name = = "a b"` reads as `JobName=="a b"`.
function stripWhitespace(filter: string): Stripped {
  let inQuote = false
  let text = ''
  const positions: number[] = []
  for (let i = 0; i < filter.length; i++) {
    const c = filter.charAt(i)
    if (c === '"') inQuote = !inQuote
    else if (!inQuote && /\s/.test(c)) continue
    text += c
    positions.push(i)
  }
  return { text, positions }
}

/** Splits a filter into tokens; throws QueryError on an unterminated quoted value. */
export function tokenize(filter: string): Token[] {
  const { text, positions } = stripWhitespace(filter)
  const at = (i: number): number => positions[i] ?? filter.length
  const tokens: Token[] = []
  let i = 0
  while (i < text.length) {
    const c = text.charAt(i)
    const punctuation = c === ';' || c === ',' || c === '(' || c === ')' ? PUNCTUATION[c] : undefined
    if (punctuation !== undefined) {
      tokens.push({ kind: punctuation, position: at(i) })
      i++
    } else if (c === '"') {
      const quoted = readQuoted(text, i)
      if (quoted === null) throw filterSyntaxError(filter, at(i), 'unterminated quoted value')
      tokens.push({ kind: 'quoted', text: quoted.value, position: at(i) })
      i = quoted.end
    } else if (BARE_STOP.includes(c)) {
      const operator = OPERATORS.find((op) => text.startsWith(op, i))
      tokens.push(
        operator ? { kind: 'operator', operator, position: at(i) } : { kind: 'invalid', position: at(i) },
      )
      i += operator ? operator.length : 1
    } else {
      let end = i + 1
      while (end < text.length && !BARE_STOP.includes(text.charAt(end))) end++
      tokens.push({ kind: 'word', text: text.slice(i, end), position: at(i) })
      i = end
    }
  }
  tokens.push({ kind: 'end', position: filter.length })
  return tokens
}

// A doubled quote inside a quoted value is one literal quote (em-api.md §4.2 `quoted`).
function readQuoted(text: string, start: number): { value: string; end: number } | null {
  let value = ''
  let i = start + 1
  while (i < text.length) {
    const c = text.charAt(i)
    if (c !== '"') {
      value += c
      i++
    } else if (text.charAt(i + 1) === '"') {
      value += '"'
      i += 2
    } else {
      return { value, end: i + 1 }
    }
  }
  return null
}
