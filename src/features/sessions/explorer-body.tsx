// Data, then error, then pending (STYLE §3.7): rows stay on screen through a failed refresh, marked stale.
import type { UseQueryResult } from '@tanstack/react-query'
import { EmptyState } from '@/components/empty-state.tsx'
import { ErrorState } from '@/components/error-state.tsx'
import { describeEmError } from '@/em/describe-error.ts'
import type { Page } from '@/em/page-schema.ts'
import type { ReplicaJobSession } from '@/em/parse-session.ts'
import type { SessionSort } from '@/em/session-query-path.ts'
import { formatLocal } from '@/lib/format-time.ts'
import { SessionsTable } from './sessions-table.tsx'
import { TableSkeleton } from './table-skeleton.tsx'
import type { ExplorerState } from './use-explorer-search.ts'

export interface ExplorerBodyProps {
  list: UseQueryResult<Page<ReplicaJobSession>>
  explorer: ExplorerState
  sort: SessionSort
  pagesCount: number
  hasNext: boolean
}

// The title already says the rows are old, so the detail carries both what EM said and its words for it.
function staleDetail(error: unknown): string {
  const { title, detail } = describeEmError(error, 'Could not load the sessions')
  return `${title}: ${detail}`
}

export function ExplorerBody({ list, explorer, sort, pagesCount, hasNext }: ExplorerBodyProps) {
  const { search } = explorer
  if (list.data) {
    const { items } = list.data
    return (
      <>
        {list.isError ? (
          <ErrorState
            title={`Showing sessions as of ${formatLocal(list.dataUpdatedAt)}: the last refresh failed`}
            detail={staleDetail(list.error)}
            onRetry={() => void list.refetch()}
          />
        ) : null}
        {items.length === 0 ? (
          search.page > 1 ? (
            <EmptyState title={`Page ${search.page} is past the end: there are ${pagesCount} pages`}>
              <button type="button" className="button" onClick={() => explorer.setPage(pagesCount)}>
                Go to the last page
              </button>
            </EmptyState>
          ) : (
            <EmptyState title="No sessions match this filter">
              <p>Widen the time window or clear some filters.</p>
              <button type="button" className="button" onClick={explorer.clearFilters}>
                Clear filters
              </button>
            </EmptyState>
          )
        ) : (
          <SessionsTable
            sessions={items}
            sort={sort}
            page={search.page}
            pagesCount={pagesCount}
            hasNext={hasNext}
            pageSize={search.size}
            viewKey={JSON.stringify(explorer.query)}
            busy={list.isFetching}
            stale={list.isError}
            onSort={explorer.setSort}
            onPage={explorer.setPage}
            onPageSize={explorer.setPageSize}
          />
        )}
      </>
    )
  }
  if (list.isError) {
    const { title, detail } = describeEmError(list.error, 'Could not load the sessions')
    return <ErrorState title={title} detail={detail} onRetry={() => void list.refetch()} />
  }
  return <TableSkeleton />
}
