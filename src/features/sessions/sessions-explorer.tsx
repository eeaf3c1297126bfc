// The sessions explorer: every control bound to the URL, EM doing the filtering, sorting and paging. The rows
// are the page: one line of title, counts and refresh, one filter bar, one toolbar, then the table.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query'
import { useRouter } from '@tanstack/react-router'
import { useDeferredValue, useSyncExternalStore } from 'react'
import { findLink } from '@/em/link-resolver.ts'
import { sessionQueries } from '@/em/session-queries.ts'
import { getWireFormat, subscribeWireFormat } from '@/em/wire-format.ts'
import { formatUtc } from '@/lib/format-time.ts'
import type { SeenMark } from '@/lib/preferences.ts'
import { EmQueryLine } from './em-query-line.tsx'
import { ExplorerBody } from './explorer-body.tsx'
import { ExportCsv } from './export-csv.tsx'
import { FilterBar } from './filter-bar/filter-bar.tsx'
import { CLEARED_FILTERS } from './filter-bindings.ts'
import { IgnoredParamsNotice } from './ignored-params-notice.tsx'
import { FAILURE_RESULTS, newFailuresFilter } from './new-since/new-failures.ts'
import { NewFailuresLine } from './new-since/new-failures-line.tsx'
import { NewSinceContext } from './new-since/new-mark.tsx'
import { NotifyToggle } from './new-since/notify-toggle.tsx'
import { useNewSince } from './new-since/use-new-since.ts'
import { RefreshControl } from './refresh-control.tsx'
import { ShortcutsHelp } from './shortcuts/shortcuts-dialog.tsx'
import { sortOf } from './sort-param.ts'
import { SummaryStrip } from './summary-strip.tsx'
import { SessionsExplorerPending } from './table-skeleton.tsx'
import { useExplorerSearch } from './use-explorer-search.ts'
import { WallLink } from './wall-link.tsx'
import './sessions.css'

/**
 * The screen mounts in a background render of its own (useDeferredValue's initial value): mounted in the task
 * that brought the page, its 30-60 ms of components were one of a load's longest tasks (issue 18). A background
 * render is cut into slices of a few milliseconds; until it commits, the route's pending view stays.
 */
export function SessionsExplorer() {
  const mounted = useDeferredValue(true, false)
  return mounted ? <ExplorerScreen /> : <SessionsExplorerPending />
}

function ExplorerScreen() {
  const explorer = useExplorerSearch()
  const { search, query, refetchInterval } = explorer
  const format = useSyncExternalStore(subscribeWireFormat, getWireFormat, () => 'xml' as const)
  // refetchIntervalInBackground stays false: polling pauses while the tab is hidden.
  // The newest-failure watch has no moving window, so it follows the refresh setting itself.
  const newSince = useNewSince(search.refresh > 0 ? search.refresh * 1000 : false)
  const list = useQuery({
    ...sessionQueries.list(query),
    placeholderData: keepPreviousData,
    refetchInterval,
    // The loader already tried; a failure shows at once instead of being asked again on mount.
    retryOnMount: false,
  })
  const queryClient = useQueryClient()
  const router = useRouter()

  function refresh() {
    // The loader runs again (relative windows move up to now) and the rows and counts are asked for again.
    void router.invalidate()
    void queryClient.invalidateQueries({ queryKey: sessionQueries.lists() })
    void queryClient.invalidateQueries({ queryKey: sessionQueries.counts() })
  }

  function showNewFailures(since: SeenMark) {
    const from = newFailuresFilter(since).endFrom ?? since.after
    explorer.setFilter({ ...CLEARED_FILTERS, result: [...FAILURE_RESULTS], endedFrom: formatUtc(from) })
  }

  const paging = list.data?.paging
  const toolbar = (
    <>
      <span className="explorer__status" role="status">
        {list.isPlaceholderData
          ? 'Loading…'
          : list.data
            ? `${list.data.items.length} sessions on this page`
            : ''}
      </span>
      {/* Desk tools: a phone has no keyboard for shortcuts, no use for a wall link or a CSV, and its browsers
          show notifications only through a service worker. */}
      <span className="table-toolbar__desk">
        <ExportCsv
          search={search}
          query={query}
          pageRows={list.isPlaceholderData ? undefined : list.data?.items}
        />
        <WallLink search={search} />
        <NotifyToggle />
        <ShortcutsHelp />
      </span>
    </>
  )
  return (
    <div className="explorer">
      <div className="explorer__head">
        <h1>Replica sessions</h1>
        <SummaryStrip filter={query.filter} refetchInterval={refetchInterval} />
        <RefreshControl
          seconds={search.refresh}
          onSeconds={explorer.setRefresh}
          updatedAt={list.isPlaceholderData ? 0 : list.dataUpdatedAt}
          fetching={list.isFetching}
          onRefresh={refresh}
        />
      </div>
      <IgnoredParamsNotice search={search} />
      <FilterBar search={search} onFilter={explorer.setFilter} onClear={explorer.clearFilters} />
      <NewFailuresLine
        since={newSince.since}
        refetchInterval={refetchInterval}
        onShow={showNewFailures}
        onMarkSeen={newSince.markSeen}
      />
      <NewSinceContext.Provider value={newSince.since}>
        <ExplorerBody
          list={list}
          explorer={explorer}
          sort={sortOf(search.sort)}
          pagesCount={paging?.pagesCount ?? 1}
          hasNext={paging ? findLink(paging.links, 'Next') !== undefined : false}
          toolbar={toolbar}
        />
      </NewSinceContext.Provider>
      <EmQueryLine query={query} format={format} />
    </div>
  )
}
