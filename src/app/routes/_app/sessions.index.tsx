import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import { sessionQueries } from '@/em/session-queries.ts'
import { pickQueryParams, toSessionQuery, windowAnchor } from '@/features/sessions/explorer-query.ts'
import { SEARCH_DEFAULTS, validateExplorerSearch } from '@/features/sessions/search-params.ts'
import { SessionsExplorer } from '@/features/sessions/sessions-explorer.tsx'
import { SessionsExplorerPending } from '@/features/sessions/table-skeleton.tsx'

export const Route = createFileRoute('/_app/sessions/')({
  validateSearch: validateExplorerSearch,
  search: { middlewares: [stripSearchParams(SEARCH_DEFAULTS)] },
  loaderDeps: ({ search }) => pickQueryParams(search),
  loader: async ({ context: { queryClient }, deps, cause }) => {
    const now = windowAnchor()
    const list = sessionQueries.list(toSessionQuery(deps, now))
    // Entering (first load, Back from a session) waits for the rows, so they paint at once and the table's scroll
    // position can be restored; a filter, sort or page change on screen does not wait: the controls answer at once
    // while the previous rows stay (keepPreviousData). A failure shows inline, beside the filters that caused it.
    if (cause === 'stay') void queryClient.prefetchQuery(list)
    else await queryClient.ensureQueryData(list).catch(() => undefined)
    return { now }
  },
  component: SessionsExplorer,
  pendingComponent: SessionsExplorerPending,
})
