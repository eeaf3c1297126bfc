// Data, then error, then pending (STYLE §3.7): rows stay on screen through a failed refresh, marked stale. The
// toolbar stays put above whichever of them shows, so its tools (an export under way) never start over.
import type { UseQueryResult } from '@tanstack/react-query'
import { type ReactNode, startTransition, useEffect, useState } from 'react'
import { EmptyState } from '@/components/empty-state.tsx'
import { ErrorState } from '@/components/error-state.tsx'
import { describeEmError } from '@/em/describe-error.ts'
import type { Page } from '@/em/page-schema.ts'
import type { ReplicaJobSession } from '@/em/parse-session.ts'
import type { SessionSort } from '@/em/session-query-path.ts'
import { formatLocal } from '@/lib/format-time.ts'
import { PHONE_QUERY, useMediaQuery } from '@/lib/use-media-query.ts'
import { SessionsTable } from './sessions-table.tsx'
import { ColumnChooser } from './table-layout/column-chooser.tsx'
import { DensityToggle } from './table-layout/density-toggle.tsx'
import { useSessionTable } from './table-layout/use-session-table.ts'
import { TableSkeleton } from './table-skeleton.tsx'
import type { ExplorerState } from './use-explorer-search.ts'

export interface ExplorerBodyProps {
  list: UseQueryResult<Page<ReplicaJobSession>>
  explorer: ExplorerState
  sort: SessionSort
  pagesCount: number
  hasNext: boolean
  /** The explorer's tools, on one line with the table's own above the list. */
  toolbar: ReactNode
}

// One empty array for "no rows yet": a new one each render would make the table rebuild its rows every time.
const NO_SESSIONS: ReplicaJobSession[] = []

// The title already says the rows are old, so the detail carries both what EM said and its words for it.
function staleDetail(error: unknown): string {
  const { title, detail } = describeEmError(error, 'Could not load the sessions')
  return `${title}: ${detail}`
}

/**
 * The rows to render. On mounting, the given ones: the screen mounts in a background render that React cuts into
 * slices (sessions-explorer.tsx), so the row model and the first rows need no task of their own. A change (a new
 * page, sort or filter) renders them one task after the screen around it answered, again in slices (a transition):
 * TanStack Table's row model of up to 1,000 sessions and the grid in the task that committed the screen held the
 * main thread for 110-300 ms (issue 18's profile). Until then the previous rows stay, or, when there were none, the
 * skeleton.
 */
function useRowsInTheirOwnTask(items: ReplicaJobSession[]): ReplicaJobSession[] {
  const [shown, setShown] = useState(items)
  useEffect(() => {
    if (shown === items) return
    const timer = setTimeout(() => startTransition(() => setShown(items)))
    return () => clearTimeout(timer)
  }, [items, shown])
  return shown
}

export function ExplorerBody({ list, explorer, sort, pagesCount, hasNext, toolbar }: ExplorerBodyProps) {
  const { search } = explorer
  const phone = useMediaQuery(PHONE_QUERY)
  const sessions = useRowsInTheirOwnTask(list.data?.items ?? NO_SESSIONS)
  const rowsBehind = sessions !== (list.data?.items ?? NO_SESSIONS)
  const table = useSessionTable({
    sessions,
    sort,
    page: search.page,
    pagesCount,
    pageSize: search.size,
    onSort: explorer.setSort,
    onPage: explorer.setPage,
    onPageSize: explorer.setPageSize,
  })
  return (
    <>
      <div className="table-toolbar">
        {toolbar}
        {phone ? null : (
          <span className="table-toolbar__end">
            <ColumnChooser table={table} />
            <DensityToggle />
          </span>
        )}
      </div>
      <ListState
        list={list}
        explorer={explorer}
        pagesCount={pagesCount}
        entering={rowsBehind && sessions === NO_SESSIONS}
      >
        <SessionsTable
          table={table}
          phone={phone}
          page={search.page}
          pagesCount={pagesCount}
          hasNext={hasNext}
          pageSize={search.size}
          viewKey={JSON.stringify(explorer.query)}
          busy={list.isFetching}
          stale={list.isError}
        />
      </ListState>
    </>
  )
}

interface ListStateProps {
  list: UseQueryResult<Page<ReplicaJobSession>>
  explorer: ExplorerState
  pagesCount: number
  /** The first rows are in, but not rendered yet. */
  entering: boolean
  /** The list itself, when there are rows. */
  children: ReactNode
}

function ListState({ list, explorer, pagesCount, entering, children }: ListStateProps) {
  const { search } = explorer
  if (entering) return <TableSkeleton />
  if (list.data) {
    return (
      <>
        {list.isError ? (
          <ErrorState
            title={`Showing sessions as of ${formatLocal(list.dataUpdatedAt)}: the last refresh failed`}
            detail={staleDetail(list.error)}
            onRetry={() => void list.refetch()}
          />
        ) : null}
        {list.data.items.length > 0 ? (
          children
        ) : search.page > 1 ? (
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
