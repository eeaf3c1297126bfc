// The view's state is its URL (STYLE §3.5): filter edits replace the history entry, sorting pushes one.
import { getRouteApi } from '@tanstack/react-router'
import type { ProtectionSearch } from './search-params.ts'

const route = getRouteApi('/_app/protection/')

export type SearchPatch = Partial<ProtectionSearch>

export const CLEARED: SearchPatch = {
  job: undefined,
  server: undefined,
  platform: undefined,
  status: undefined,
  reason: undefined,
  vm: undefined,
}

export function useProtectionSearch() {
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const go = (patch: SearchPatch, replace: boolean) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace, resetScroll: false })
  return {
    search,
    setFilter: (patch: SearchPatch) => go(patch, true),
    clearFilters: () => go(CLEARED, true),
    setSort: (sort: string) => go({ sort }, false),
  }
}

export type ProtectionSearchState = ReturnType<typeof useProtectionSearch>
