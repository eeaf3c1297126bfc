// The explorer's state is its URL (STYLE §3.5): read the validated search, write it back through navigation.
// Filter edits replace the history entry and go back to page 1; sorting and paging push, so Back steps through them.
// None of them scrolls the window: the table scrolls itself (sessions-table.tsx).
import { getRouteApi } from '@tanstack/react-router'
import { toSessionQuery } from './explorer-query.ts'
import { CLEARED_FILTERS, type SearchPatch } from './filter-bindings.ts'
import { type ExplorerSearch, withoutUnknownKeys } from './search-params.ts'

const route = getRouteApi('/_app/sessions/')

export function useExplorerSearch() {
  const search = route.useSearch()
  const { now } = route.useLoaderData()
  const navigate = route.useNavigate()

  function go(update: (prev: ExplorerSearch) => ExplorerSearch, replace: boolean) {
    void navigate({ search: (prev) => update(withoutUnknownKeys(prev)), replace, resetScroll: false })
  }

  return {
    search,
    /** The moment relative windows end at, fixed by the loader so the loader and the screen share query keys. */
    now,
    query: toSessionQuery(search, now),
    setFilter: (patch: SearchPatch) => go((prev) => ({ ...prev, ...patch, page: 1 }), true),
    clearFilters: () => go((prev) => ({ ...prev, ...CLEARED_FILTERS, page: 1 }), true),
    setSort: (sort: string) => go((prev) => ({ ...prev, sort, page: 1 }), false),
    setPage: (page: number) => go((prev) => ({ ...prev, page }), false),
    setPageSize: (size: number) => go((prev) => ({ ...prev, size, page: 1 }), false),
    setRefresh: (refresh: number) => go((prev) => ({ ...prev, refresh }), true),
  }
}

export type ExplorerState = ReturnType<typeof useExplorerSearch>
