// The page of sessions: the toolbar's table tools, the virtual grid on a desk (cards below 640 px), and the pager,
// all driven by one table instance (table-layout/use-session-table.ts).
import type { ReactNode } from 'react'
import { Pager } from '@/components/pager.tsx'
import { PHONE_QUERY, useMediaQuery } from '@/lib/use-media-query.ts'
import { SessionCards } from './session-cards.tsx'
import { SessionsGrid } from './sessions-grid.tsx'
import { ColumnChooser } from './table-layout/column-chooser.tsx'
import { DensityToggle } from './table-layout/density-toggle.tsx'
import { type SessionTableInput, useSessionTable } from './table-layout/use-session-table.ts'

const PAGE_SIZES = [25, 50, 100, 250, 500, 1000] as const

export interface SessionsTableProps extends SessionTableInput {
  hasNext: boolean
  /** Changes whenever a different page, sort or filter is asked for: the list goes back to the top. */
  viewKey: string
  busy: boolean
  stale: boolean
  /** The explorer's own tools (export, wall link…), on one line with the table's. */
  toolbar: ReactNode
}

export function SessionsTable(props: SessionsTableProps) {
  const { page, pagesCount, pageSize } = props
  const table = useSessionTable(props)
  const phone = useMediaQuery(PHONE_QUERY)
  const caption = `Replica job sessions, page ${page} of ${Math.max(pagesCount, 1)}${props.stale ? ' (not current: the last refresh failed)' : ''}`
  return (
    <div className="sessions-table">
      <div className="table-toolbar">
        {props.toolbar}
        {phone ? null : (
          <span className="table-toolbar__end">
            <ColumnChooser table={table} />
            <DensityToggle />
          </span>
        )}
      </div>
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
