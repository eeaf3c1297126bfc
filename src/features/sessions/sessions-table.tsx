// Virtual rows under a sticky header (TanStack virtualized-rows shape): only the rows in view, plus a few, are in
// the DOM, so a 1,000-row page scrolls smoothly. The scroller has a stable restoration id so Back restores it.
import { useElementScrollRestoration, useNavigate } from '@tanstack/react-router'
import { functionalUpdate, type PaginationState, type SortingState, useTable } from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { type KeyboardEvent, type MouseEvent, useEffect, useRef, useState } from 'react'
import { Pager } from '@/components/pager.tsx'
import type { ReplicaJobSession } from '@/em/parse-session.ts'
import type { SessionSort } from '@/em/session-query-path.ts'
import { sessionColumns, sessionTableFeatures } from './columns.tsx'
import { PAGE_SIZES } from './search-params.ts'
import { SortHeader } from './sort-header.tsx'

const ROW_HEIGHT = 40
const SCROLL_ID = 'sessions-table'

export interface SessionsTableProps {
  sessions: ReplicaJobSession[]
  sort: SessionSort
  page: number
  pagesCount: number
  hasNext: boolean
  pageSize: number
  /** Changes whenever a different page, sort or filter is asked for: the scroller goes back to the top. */
  viewKey: string
  busy: boolean
  stale: boolean
  onSort: (sort: string) => void
  onPage: (page: number) => void
  onPageSize: (size: number) => void
}

export function SessionsTable(props: SessionsTableProps) {
  const { sessions, sort, page, pagesCount, pageSize } = props
  const sorting: SortingState = [{ id: sort.field, desc: sort.dir === 'desc' }]
  const pagination: PaginationState = { pageIndex: page - 1, pageSize }
  const table = useTable({
    features: sessionTableFeatures,
    columns: sessionColumns,
    data: sessions,
    getRowId: (session) => session.uid,
    state: { sorting, pagination },
    manualSorting: true,
    manualPagination: true,
    pageCount: pagesCount,
    enableMultiSort: false,
    enableSortingRemoval: false,
    onSortingChange: (updater) => {
      const [next] = functionalUpdate(updater, sorting)
      if (next) props.onSort(`${next.id}.${next.desc ? 'desc' : 'asc'}`)
    },
    onPaginationChange: (updater) => {
      const next = functionalUpdate(updater, pagination)
      if (next.pageSize !== pageSize) props.onPageSize(next.pageSize)
      else props.onPage(next.pageIndex + 1)
    },
  })
  const rows = table.getRowModel().rows

  const scrollerRef = useRef<HTMLDivElement>(null)
  const restored = useElementScrollRestoration({ id: SCROLL_ID })
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialOffset: restored?.scrollY,
  })

  // A new page, sort or filter starts at the top; a refetch of the same view keeps the place.
  const shownKey = useRef(props.viewKey)
  useEffect(() => {
    if (shownKey.current === props.viewKey) return
    shownKey.current = props.viewKey
    virtualizer.scrollToOffset(0)
  }, [props.viewKey, virtualizer])

  const navigate = useNavigate()
  const [focusIndex, setFocusIndex] = useState<number | null>(null)
  // The row to focus may only be rendered after the virtualizer has scrolled to it: try after each render.
  useEffect(() => {
    if (focusIndex === null) return
    const link = scrollerRef.current?.querySelector<HTMLElement>(
      `tr[data-index="${focusIndex}"] [data-row-link]`,
    )
    if (!link) return
    link.focus()
    setFocusIndex(null)
  })

  function open(session: ReplicaJobSession) {
    void navigate({ to: '/sessions/$id', params: { id: session.id } })
  }

  function onRowClick(event: MouseEvent, session: ReplicaJobSession) {
    // The link and a text selection keep their own meaning.
    if (event.target instanceof Element && event.target.closest('a, button')) return
    if (window.getSelection()?.toString()) return
    open(session)
  }

  function onRowKey(event: KeyboardEvent, index: number, session: ReplicaJobSession) {
    const step = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 }[event.key]
    if (step !== undefined) {
      event.preventDefault()
      const next = Math.min(rows.length - 1, Math.max(0, index + step))
      virtualizer.scrollToIndex(next)
      setFocusIndex(next)
    } else if (event.key === 'Enter' && !(event.target instanceof HTMLAnchorElement)) {
      open(session)
    }
  }

  return (
    <div className="sessions-table">
      <div ref={scrollerRef} className="table-scroller" data-scroll-restoration-id={SCROLL_ID}>
        <table
          className={props.stale ? 'grid-table grid-table--stale' : 'grid-table'}
          aria-busy={props.busy}
          aria-rowcount={rows.length + 1}
        >
          <caption className="sr-only">
            Replica job sessions, page {page} of {Math.max(pagesCount, 1)}
            {props.stale ? ' (not current: the last refresh failed)' : ''}
          </caption>
          <thead className="grid-table__head">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} className="grid-table__row" aria-rowindex={1}>
                {group.headers.map((header) => (
                  <SortHeader key={header.id} header={header} />
                ))}
              </tr>
            ))}
          </thead>
          <tbody className="grid-table__body" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index]
              if (!row) return null
              return (
                <tr
                  key={row.id}
                  data-index={item.index}
                  aria-rowindex={item.index + 2}
                  className="grid-table__row grid-table__row--data"
                  style={{ transform: `translateY(${item.start}px)` }}
                  onClick={(event) => onRowClick(event, row.original)}
                  onKeyDown={(event) => onRowKey(event, item.index, row.original)}
                >
                  {row.getAllCells().map((cell) => (
                    <td key={cell.id} className={`grid-table__cell col--${cell.column.id}`}>
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
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
