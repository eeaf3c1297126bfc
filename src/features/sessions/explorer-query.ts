// The explorer's search → the SessionQuery the list asks EM for; relative windows end at an anchor time.
import type { SessionQuery } from '@/em/session-query-path.ts'
import { toSessionFilter } from '@/em/session-url-filter.ts'
import type { ExplorerSearch } from './search-params.ts'
import { parseSort } from './sort-param.ts'

export type ExplorerQueryParams = Omit<ExplorerSearch, 'refresh'>

/** The keys the list query reads (everything but the refresh interval): the route's loaderDeps. */
export function pickQueryParams({ refresh: _refresh, ...query }: ExplorerSearch): ExplorerQueryParams {
  return query
}

/** The page of sessions a search asks for; relative windows end at `now`. */
export function toSessionQuery(search: ExplorerQueryParams, now: number): SessionQuery {
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
