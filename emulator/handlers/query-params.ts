import { badRequest } from './em-error.ts'
import type { QueryPair } from './request-target.ts'

/** Reads known parameters by case-insensitive name (em-api.md §4.1): unknown ones are ignored, repeats are 400. */
export class QueryParamReader {
  readonly #pairs: readonly QueryPair[]

  constructor(pairs: readonly QueryPair[]) {
    this.#pairs = pairs
  }

  get(name: string): string | undefined {
    const wanted = name.toLowerCase()
    const found = this.#pairs.filter((pair) => pair.name.toLowerCase() === wanted)
    if (found.length > 1) throw badRequest(`Parameter '${name}' is specified more than once.`)
    return found[0]?.value
  }
}

// EM answers with bounded pages; PagingInfo reports the size used (em-api.md §4.1 pageSize cap).
export const MAX_PAGE_SIZE = 1000
const MAX_PAGE = 2_147_483_647

function positiveInteger(name: string, text: string): number {
  if (!/^[0-9]+$/.test(text))
    throw badRequest(`Parameter '${name}' must be an integer greater than 0, got '${text}'.`)
  const value = Number(text)
  if (value < 1) throw badRequest(`Parameter '${name}' must be an integer greater than 0, got '${text}'.`)
  return value
}

/** `pageSize`: integer ≥ 1, absent → 100, above 1000 → 1000 (§4.1). */
export function readPageSize(params: QueryParamReader): number {
  const text = params.get('pageSize')
  if (text === undefined) return 100
  return Math.min(positiveInteger('pageSize', text), MAX_PAGE_SIZE)
}

/** `page`: integer ≥ 1, absent → 1; beyond EM's 32-bit range → 400 like any unparsable number. */
export function readPage(params: QueryParamReader): number {
  const text = params.get('page')
  if (text === undefined) return 1
  const value = positiveInteger('page', text)
  if (value > MAX_PAGE) throw badRequest(`Parameter 'page' is out of range: '${text}'.`)
  return value
}

export type ListFormat = 'References' | 'Entities'

/** `format`: References (default), Entities or Entity in any case, on `/query` and collections alike (§4.1, §5). */
export function readFormat(params: QueryParamReader): ListFormat {
  const text = params.get('format')
  if (text === undefined) return 'References'
  const lower = text.toLowerCase()
  if (lower === 'references') return 'References'
  if (lower === 'entities' || lower === 'entity') return 'Entities'
  throw badRequest(`Unknown format '${text}': expected References, Entities or Entity.`)
}
