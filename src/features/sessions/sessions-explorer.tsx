// The sessions explorer: every control bound to the URL, EM doing the filtering, sorting and paging.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query'
import { useRouter } from '@tanstack/react-router'
import { useSyncExternalStore } from 'react'
import { findLink } from '@/em/link-resolver.ts'
import { sessionQueries } from '@/em/session-queries.ts'
import { getWireFormat, subscribeWireFormat } from '@/em/wire-format.ts'
import { EmQueryLine } from './em-query-line.tsx'
import { ExplorerBody } from './explorer-body.tsx'
import { ExportCsv } from './export-csv.tsx'
import { FilterPanel } from './filter-panel.tsx'
import { IgnoredParamsNotice } from './ignored-params-notice.tsx'
import { RefreshControl } from './refresh-control.tsx'
import { sortOf } from './sort-param.ts'
import { SummaryStrip } from './summary-strip.tsx'
import { useExplorerSearch } from './use-explorer-search.ts'
import { WallLink } from './wall-link.tsx'
import './sessions.css'

export function SessionsExplorer() {
  const explorer = useExplorerSearch()
  const { search, query, refetchInterval } = explorer
  const format = useSyncExternalStore(subscribeWireFormat, getWireFormat, () => 'xml' as const)
  // refetchIntervalInBackground stays false: polling pauses while the tab is hidden.
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

  const paging = list.data?.paging
  return (
    <div className="explorer">
      <div className="explorer__head">
        <h1>Replica sessions</h1>
        <RefreshControl
          seconds={search.refresh}
          onSeconds={explorer.setRefresh}
          updatedAt={list.isPlaceholderData ? 0 : list.dataUpdatedAt}
          fetching={list.isFetching}
          onRefresh={refresh}
        />
      </div>
      <IgnoredParamsNotice search={search} />
      <FilterPanel search={search} onFilter={explorer.setFilter} onClear={explorer.clearFilters} />
      <EmQueryLine query={query} format={format} />
      <SummaryStrip filter={query.filter} refetchInterval={refetchInterval} />
      <div className="explorer__toolbar">
        <ExportCsv
          search={search}
          query={query}
          pageRows={list.isPlaceholderData ? undefined : list.data?.items}
        />
        <WallLink search={search} />
        <span className="explorer__status" role="status">
          {list.isPlaceholderData
            ? 'Loading…'
            : list.data
              ? `${list.data.items.length} sessions on this page`
              : ''}
        </span>
      </div>
      <ExplorerBody
        list={list}
        explorer={explorer}
        sort={sortOf(search.sort)}
        pagesCount={paging?.pagesCount ?? 1}
        hasNext={paging ? findLink(paging.links, 'Next') !== undefined : false}
      />
    </div>
  )
}
