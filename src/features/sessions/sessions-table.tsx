// The page of sessions: the virtual grid on a desk, cards below 640 px, and the pager, all from one table
// instance (table-layout/use-session-table.ts, owned by the explorer's body).
import { Pager } from '@/components/pager.tsx'
import { PAGE_SIZES } from './search-params.ts'
import { SessionCards } from './session-cards.tsx'
import { SessionsGrid } from './sessions-grid.tsx'
import type { SessionTable } from './table-layout/use-session-table.ts'

export interface SessionsTableProps {
  table: SessionTable
  phone: boolean
  page: number
  pagesCount: number
  hasNext: boolean
  pageSize: number
  /** Changes whenever a different page, sort or filter is asked for: the list goes back to the top. */
  viewKey: string
  busy: boolean
  stale: boolean
}

export function SessionsTable({ table, phone, page, pagesCount, pageSize, ...props }: SessionsTableProps) {
  const caption = `Replica job sessions, page ${page} of ${Math.max(pagesCount, 1)}${props.stale ? ' (not current: the last refresh failed)' : ''}`
  return (
    <div className="sessions-table">
      {phone ? (
        <SessionCards
          rows={table.getRowModel().rows}
          caption={caption}
          busy={props.busy}
          stale={props.stale}
        />
      ) : (
        <SessionsGrid
          table={table}
          rows={table.getRowModel().rows}
          caption={caption}
          viewKey={props.viewKey}
          busy={props.busy}
          stale={props.stale}
        />
      )}
      <Pager
        page={page}
        pagesCount={pagesCount}
        canPrevious={page > 1}
        canNext={props.hasNext}
        onFirst={() => table.firstPage()}
        onPrevious={() => table.previousPage()}
        onNext={() => table.nextPage()}
        onLast={() => table.lastPage()}
        pageSize={pageSize}
        pageSizes={PAGE_SIZES}
        onPageSize={(size) => table.setPageSize(size)}
      />
    </div>
  )
}
