// The explorer's URL: the shared session filter keys plus sort, page, page size and refresh (STYLE §3.5).
// Defaults are left out of the URL; a bad value falls back to its default and is reported in a notice.
import type { SearchSchemaInput } from '@tanstack/react-router'
import { useSyncExternalStore } from 'react'
import { z } from 'zod'
import type { SessionQuery, SessionSort, SortField } from '@/em/session-query-path.ts'
import { sessionSearchFields, sessionSearchSchema, toSessionFilter } from '@/em/session-url-filter.ts'

export const PAGE_SIZES = [25, 50, 100, 250, 500, 1000] as const
export const REFRESH_SECONDS = [0, 15, 30, 60, 300] as const

const SORT_FIELDS: readonly SortField[] = [
  'Name',
  'JobName',
  'CreationTime',
  'EndTime',
  'State',
  'Result',
  'IsRetry',
  'BackupServerName',
  'JobType',
  'UID',
  'JobUid',
  'BackupServerUid',
]

/** `Field.dir`, the URL form of a SessionSort; the field is matched case-insensitively. */
export function parseSort(text: string): SessionSort | null {
  const match = /^([A-Za-z]+)\.(asc|desc)$/i.exec(text)
  const field = SORT_FIELDS.find((name) => name.toLowerCase() === match?.[1]?.toLowerCase())
  const dir = match?.[2]?.toLowerCase()
  if (!field || (dir !== 'asc' && dir !== 'desc')) return null
  return { field, dir }
}

export function formatSort(sort: SessionSort): string {
  return `${sort.field}.${sort.dir}`
}

export const DEFAULT_SORT = 'CreationTime.desc'

// Numbers arrive as numbers from the router's parser, or as text when quoted in a hand-written URL.
const wholeNumber = z
  .union([z.number(), z.string().regex(/^\d+$/).transform(Number)], { error: 'expected a whole number' })
  .pipe(z.number().int({ error: 'expected a whole number' }))

function oneOfNumbers(values: readonly number[]) {
  return wholeNumber.refine((value) => values.includes(value), `expected one of ${values.join(', ')}`)
}

const sortText = z.string().transform((text, ctx) => {
  const sort = parseSort(text)
  if (sort) return formatSort(sort)
  ctx.addIssue({
    code: 'custom',
    message: `expected <field>.asc or <field>.desc, field one of ${SORT_FIELDS.join(', ')}`,
  })
  return z.NEVER
})

/** Strict schema per URL key, for the notice: what fails here was ignored. */
export const explorerSearchFields = {
  ...sessionSearchFields,
  sort: sortText,
  page: wholeNumber.pipe(z.number().min(1, 'expected a page number ≥ 1')),
  size: oneOfNumbers(PAGE_SIZES),
  refresh: oneOfNumbers(REFRESH_SECONDS),
}

export const SEARCH_DEFAULTS = { sort: DEFAULT_SORT, page: 1, size: 100, refresh: 30 } as const

export const explorerSearchSchema = sessionSearchSchema.extend({
  sort: explorerSearchFields.sort.default(SEARCH_DEFAULTS.sort).catch(SEARCH_DEFAULTS.sort),
  page: explorerSearchFields.page.default(SEARCH_DEFAULTS.page).catch(SEARCH_DEFAULTS.page),
  size: explorerSearchFields.size.default(SEARCH_DEFAULTS.size).catch(SEARCH_DEFAULTS.size),
  refresh: explorerSearchFields.refresh.default(SEARCH_DEFAULTS.refresh).catch(SEARCH_DEFAULTS.refresh),
})

export type ExplorerSearch = z.output<typeof explorerSearchSchema>

export interface IgnoredParam {
  key: string
  value: string
  reason: string
}

const strictFields: Record<string, z.ZodType> = explorerSearchFields

/** What a raw (parsed but unvalidated) search holds that the page cannot use, key by key, with the reason. */
export function findIgnoredParams(raw: Record<string, unknown>): IgnoredParam[] {
  const ignored = Object.entries(raw).flatMap(([key, value]): IgnoredParam[] => {
    if (value === undefined) return []
    const field = strictFields[key]
    if (!field) return [{ key, value: show(value), reason: 'not a parameter of this page' }]
    const result = field.safeParse(value)
    if (result.success) return []
    return [{ key, value: show(value), reason: result.error.issues[0]?.message ?? 'not a valid value' }]
  })
  for (const [preset, keys] of [
    ['created', ['createdFrom', 'createdTo']],
    ['ended', ['endedFrom', 'endedTo']],
  ] as const) {
    if (raw[preset] === undefined || !strictFields[preset]?.safeParse(raw[preset]).success) continue
    for (const key of keys) {
      if (raw[key] !== undefined && !ignored.some((param) => param.key === key))
        ignored.push({ key, value: show(raw[key]), reason: `${preset}=${show(raw[preset])} applies instead` })
    }
  }
  return ignored
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}

// The router rewrites a URL to its validated form as soon as it loads (replace), so what was ignored can only be
// seen during validation. It is kept here, with the validated search it belongs to, until dismissed.
let note: { search: string; ignored: IgnoredParam[] } | null = null
const listeners = new Set<() => void>()

function notify(): void {
  for (const listener of listeners) listener()
}

/** The lenient parse of a raw (router-parsed) search, noting what it had to ignore. */
export function parseExplorerSearch(raw: Record<string, unknown>): ExplorerSearch {
  const search = explorerSearchSchema.parse(raw)
  const ignored = findIgnoredParams(raw)
  if (ignored.length > 0) {
    const key = JSON.stringify(search)
    // The rewritten URL is validated again and still holds unknown keys: keep what the first pass found too.
    const earlier =
      note?.search === key ? note.ignored.filter((old) => !ignored.some((now) => now.key === old.key)) : []
    note = { search: key, ignored: [...earlier, ...ignored] }
    notify()
  }
  return search
}

/** The route's validateSearch: typed by the schema's input, so links to the explorer may leave out any key. */
export function validateExplorerSearch(
  raw: z.input<typeof explorerSearchSchema> & SearchSchemaInput,
): ExplorerSearch {
  return parseExplorerSearch(raw)
}

/** What was ignored from the URL that led to this search; [] once the search changed or the notice was dismissed. */
export function useIgnoredParams(search: ExplorerSearch): IgnoredParam[] {
  const current = useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => note,
  )
  return current && current.search === JSON.stringify(withoutUnknownKeys(search)) ? current.ignored : []
}

/**
 * The search without keys the page does not know: the router hands a route its validated keys merged over the raw
 * ones, so a stray `?color=red` would otherwise ride along into every link and navigation.
 */
export function withoutUnknownKeys(search: ExplorerSearch): ExplorerSearch {
  return explorerSearchSchema.parse(search)
}

export function dismissIgnoredParams(): void {
  note = null
  notify()
}

/** The keys the list query reads (everything but the refresh interval): the route's loaderDeps. */
export function pickQueryParams({
  refresh: _refresh,
  ...query
}: ExplorerSearch): Omit<ExplorerSearch, 'refresh'> {
  return query
}

/** The page of sessions a search asks for; relative windows end at `now`. */
export function toSessionQuery(search: Omit<ExplorerSearch, 'refresh'>, now: number): SessionQuery {
  return {
    filter: toSessionFilter(search, now),
    sort: parseSort(search.sort) ?? undefined,
    page: search.page,
    pageSize: search.size,
  }
}

// Relative windows ("last 24 hours") end at the start of the next minute: query keys, and so the cache, stay the
// same for a minute instead of changing on every render.
export function windowAnchor(now: number = Date.now()): number {
  return Math.ceil(now / 60_000) * 60_000
}
