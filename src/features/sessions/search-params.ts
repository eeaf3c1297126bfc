// The explorer's URL: the shared session filter keys plus sort, page, page size and refresh (STYLE §3.5).
// Defaults are left out of the URL; a bad value falls back to its default (ignored-params.ts says which).
import type { SearchSchemaInput } from '@tanstack/react-router'
import { sessionSearchFields, sessionSearchSchema } from '@/em/session-url-filter.ts'
import { lenient, v } from '@/lib/valibot.ts'
import { DEFAULT_SORT, sortParam } from './sort-param.ts'

export const PAGE_SIZES = [25, 50, 100, 250, 500, 1000] as const
export const REFRESH_SECONDS = [0, 15, 30, 60, 300] as const

// Numbers arrive as numbers from the router's parser, or as text when quoted in a hand-written URL.
// A union reports the one option that got past its type check, so the text form's regex says it too.
const wholeNumber = v.pipe(
  v.union(
    [v.number(), v.pipe(v.string(), v.regex(/^\d+$/, 'expected a whole number'), v.transform(Number))],
    'expected a whole number',
  ),
  v.integer('expected a whole number'),
)

function oneOfNumbers(values: readonly number[]) {
  return v.pipe(
    wholeNumber,
    v.check((value) => values.includes(value), `expected one of ${values.join(', ')}`),
  )
}

const page = v.pipe(wholeNumber, v.minValue(1, 'expected a page number ≥ 1'))
const size = oneOfNumbers(PAGE_SIZES)
const refresh = oneOfNumbers(REFRESH_SECONDS)

/** Strict schema per URL key, for the notice: what fails here was ignored. */
export const explorerSearchFields: Record<string, v.GenericSchema> = {
  ...sessionSearchFields,
  sort: sortParam,
  page,
  size,
  refresh,
}

export const SEARCH_DEFAULTS = { sort: DEFAULT_SORT, page: 1, size: 100, refresh: 30 } as const

export const explorerSearchSchema = v.object({
  ...sessionSearchSchema.entries,
  sort: lenient(sortParam, SEARCH_DEFAULTS.sort),
  page: lenient(page, SEARCH_DEFAULTS.page),
  size: lenient(size, SEARCH_DEFAULTS.size),
  refresh: lenient(refresh, SEARCH_DEFAULTS.refresh),
})

export type ExplorerSearch = v.InferOutput<typeof explorerSearchSchema>

/** The lenient parse of a raw (router-parsed) search: never throws, a bad value becomes its default. */
export function parseExplorerSearch(raw: Record<string, unknown>): ExplorerSearch {
  return v.parse(explorerSearchSchema, raw)
}

/** The route's validateSearch: typed by the schema's input, so links to the explorer may leave out any key. */
export function validateExplorerSearch(
  raw: v.InferInput<typeof explorerSearchSchema> & SearchSchemaInput,
): ExplorerSearch {
  return parseExplorerSearch(raw)
}

/**
 * The search without keys the page does not know: the router hands a route its validated keys merged over the raw
 * ones, so a stray `?color=red` would otherwise ride along into every link and navigation.
 */
export function withoutUnknownKeys(search: ExplorerSearch): ExplorerSearch {
  return v.parse(explorerSearchSchema, search)
}
