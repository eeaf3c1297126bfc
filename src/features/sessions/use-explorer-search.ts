// The explorer's state is its URL (STYLE §3.5): read the validated search, write it back through navigation.
// Filter edits replace the history entry and go back to page 1; sorting and paging push, so Back steps through them.
// None of them scrolls the window: the table scrolls itself (sessions-table.tsx).
import { getRouteApi } from '@tanstack/react-router'
import { toSessionQuery } from './explorer-query.ts'
import { CLEARED_FILTERS, type SearchPatch } from './filter-bindings.ts'
import { type ExplorerSearch, withoutUnknownKeys } from './search-params.ts'
import { useWindowAnchor } from './use-window-anchor.ts'

const route = getRouteApi('/_app/sessions/')

export function useExplorerSearch() {
  const search = route.useSearch()
  const { now: loaded } = route.useLoaderData()
  const navigate = route.useNavigate()
  const relative = search.created !== undefined || search.ended !== undefined
  const refreshMs = search.refresh > 0 ? search.refresh * 1000 : null
  const now = useWindowAnchor(loaded, relative ? refreshMs : null)

  function go(update: (prev: ExplorerSearch) => ExplorerSearch, replace: boolean) {
    void navigate({ search: (prev) => update(withoutUnknownKeys(prev)), replace, resetScroll: false })
  }

  return {
    search,
    /** The moment relative windows end at: the loader's on entry, moved forward at every auto-refresh. */
    now,
    query: toSessionQuery(search, now),
    /** How often the rows and counts refetch; false when off, or when a moving window's new keys refresh them. */
    refetchInterval: refreshMs !== null && !relative ? refreshMs : (false as const),
    setFilter: (patch: SearchPatch) => go((prev) => ({ ...prev, ...patch, page: 1 }), true),
    clearFilters: () => go((prev) => ({ ...prev, ...CLEARED_FILTERS, page: 1 }), true),
    setSort: (sort: string) => go((prev) => ({ ...prev, sort, page: 1 }), false),
    setPage: (page: number) => go((prev) => ({ ...prev, page }), false),
    setPageSize: (size: number) => go((prev) => ({ ...prev, size, page: 1 }), false),
    setRefresh: (refresh: number) => go((prev) => ({ ...prev, refresh }), true),
  }
}

export type ExplorerState = ReturnType<typeof useExplorerSearch>
