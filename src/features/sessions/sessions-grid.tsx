// Virtual rows under a sticky header (TanStack virtualized-rows shape): only the rows in view, plus a few, are in
// the DOM, so a 1,000-row page scrolls smoothly. The scroller has a stable restoration id so Back restores it.
import { useElementScrollRestoration, useNavigate } from '@tanstack/react-router'
import { FlexRender, type Row } from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import {
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
  memo,
  useEffect,
  useRef,
  useState,
} from 'react'
import '@/components/grid-table.css'
import { withoutForcedLayout } from '@/components/virtual-after-layout.ts'
import type { ReplicaJobSession } from '@/em/parse-session.ts'
import { type Density, densityPreference, usePreference } from '@/lib/preferences.ts'
import { useShortcut } from '@/lib/use-shortcut.ts'
import type { sessionTableFeatures } from './columns.tsx'
import { SortHeader } from './sort-header.tsx'
import { gridTemplate } from './table-layout/column-layout.ts'
import type { SessionTable } from './table-layout/use-session-table.ts'

/** Row heights in px: comfortable fits 12 rows above the fold at 1280×720, compact about 16. */
export const ROW_HEIGHT: Record<Density, number> = { comfortable: 36, compact: 28 }
const SCROLL_ID = 'sessions-table'

type SessionRow = Row<typeof sessionTableFeatures, ReplicaJobSession>

export interface SessionsGridProps {
  table: SessionTable
  /** The table's row model, built by the caller: in a background render, React may pause between the two. */
  rows: SessionRow[]
  caption: string
  /** Changes whenever a different page, sort or filter is asked for: the scroller goes back to the top. */
  viewKey: string
  busy: boolean
  stale: boolean
}

// The first rows of a grid mount this many per task (see useRowsInSteps): with eight, the first step, which also
// builds the row model and the virtualizer's 1,000 measurements, still passed 50 ms in some loads.
export const ROWS_PER_STEP = 4

/**
 * How many of the virtual rows to render. A new grid's first rows are the longest task of a load (issue 18: each
 * row is a link, two badges, two times, a progress bar and its actions, ~3 ms apiece), so they mount a few per
 * task, the top of the screen first; once all have, every later render shows them all at once. The table is
 * aria-busy until then.
 */
function useRowsInSteps(wanted: number): number {
  const [limit, setLimit] = useState(ROWS_PER_STEP)
  useEffect(() => {
    if (limit === Number.POSITIVE_INFINITY || wanted === 0) return
    const timer = setTimeout(() =>
      setLimit(limit + ROWS_PER_STEP >= wanted ? Number.POSITIVE_INFINITY : limit + ROWS_PER_STEP),
    )
    return () => clearTimeout(timer)
  }, [limit, wanted])
  return limit
}

interface GridRowProps {
  row: SessionRow
  index: number
  start: number
  height: number
  /** The visible columns, in order: the row object stays the same when they change. */
  columns: string
}

/**
 * One data row. Memoised: a render of the screen (a count or a refresh arriving, a filter typed) leaves a row
 * whose session, place and columns did not change alone, instead of rendering its links, badges and times again
 * (~3 ms a row, issue 18). Its clicks and keys are handled by the grid's body.
 */
const GridRow = memo(function GridRow({ row, index, start, height }: GridRowProps) {
  return (
    <tr
      data-index={index}
      aria-rowindex={index + 2}
      className="grid-table__row grid-table__row--data"
      style={{ transform: `translateY(${start}px)`, height }}
    >
      {row.getVisibleCells().map((cell) => (
        <td key={cell.id} className={`grid-table__cell col--${cell.column.id}`}>
          <FlexRender cell={cell} />
        </td>
      ))}
    </tr>
  )
})

export function SessionsGrid({ table, rows, caption, viewKey, busy, stale }: SessionsGridProps) {
  const density = usePreference(densityPreference)
  const rowHeight = ROW_HEIGHT[density]
  const scrollerRef = useRef<HTMLDivElement>(null)
  const restored = useElementScrollRestoration({ id: SCROLL_ID })
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    initialOffset: restored?.scrollY,
    // No forced layout in the render's task (components/virtual-after-layout.ts).
    ...withoutForcedLayout(),
  })

  // A new density changes every row's height: measure again so rows do not overlap or gap.
  useEffect(() => {
    if (rowHeight > 0) virtualizer.measure()
  }, [rowHeight, virtualizer])

  // A new page, sort or filter starts at the top; a refetch of the same view keeps the place.
  const shownKey = useRef(viewKey)
  useEffect(() => {
    if (shownKey.current === viewKey) return
    shownKey.current = viewKey
    // Only when away from the top (the last offset the virtualizer saw): scrollToOffset measures the scroller
    // first, a forced layout of the page in the task that answers the click (30-75 ms in issue 18's profile).
    if ((virtualizer.scrollOffset ?? 0) > 0) virtualizer.scrollToOffset(0)
  }, [viewKey, virtualizer])

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

  function focusRow(index: number) {
    const next = Math.min(rows.length - 1, Math.max(0, index))
    virtualizer.scrollToIndex(next)
    setFocusIndex(next)
  }

  // j / k step through the rows from the one holding the focus, or start at the first.
  function focusedIndex(): number | null {
    const row = document.activeElement?.closest('tr[data-index]')
    return row && scrollerRef.current?.contains(row) ? Number(row.getAttribute('data-index')) : null
  }
  useShortcut('j', () => {
    const at = focusedIndex()
    focusRow(at === null ? 0 : at + 1)
  })
  useShortcut('k', () => {
    const at = focusedIndex()
    focusRow(at === null ? 0 : at - 1)
  })

  function open(session: ReplicaJobSession) {
    void navigate({ to: '/sessions/$id', params: { id: session.id } })
  }

  // The data row an event happened in, with its index.
  function rowAt(event: MouseEvent | KeyboardEvent): { index: number; session: ReplicaJobSession } | null {
    const tr = event.target instanceof Element ? event.target.closest('tr[data-index]') : null
    const index = Number(tr?.getAttribute('data-index'))
    const session = rows[index]?.original
    return session ? { index, session } : null
  }

  function onRowClick(event: MouseEvent) {
    // The link and a text selection keep their own meaning.
    if (event.target instanceof Element && event.target.closest('a, button')) return
    if (window.getSelection()?.toString()) return
    const at = rowAt(event)
    if (at) open(at.session)
  }

  function onRowKey(event: KeyboardEvent) {
    const at = rowAt(event)
    if (!at) return
    const step = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 }[event.key]
    if (step !== undefined) {
      event.preventDefault()
      focusRow(at.index + step)
    } else if (event.key === 'Enter' && !(event.target instanceof HTMLAnchorElement)) {
      open(at.session)
    }
  }

  const virtualItems = virtualizer.getVirtualItems()
  const shown = useRowsInSteps(virtualItems.length)

  const columnIds = table.getVisibleLeafColumns().map((column) => column.id)
  const template = gridTemplate(columnIds)
  // The grid's tracks follow the chosen columns.
  const style = { '--grid-columns': template.columns, minWidth: template.minWidth } as CSSProperties
  const classes = ['grid-table', `grid-table--${density}`, stale ? 'grid-table--stale' : ''].join(' ')
  return (
    <div ref={scrollerRef} className="grid-table-scroller" data-scroll-restoration-id={SCROLL_ID}>
      <table
        className={classes}
        style={style}
        aria-busy={busy || shown < virtualItems.length}
        aria-rowcount={rows.length + 1}
      >
        <caption className="sr-only">{caption}</caption>
        <thead className="grid-table__head">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} className="grid-table__row" aria-rowindex={1}>
              {group.headers.map((header) => (
                <SortHeader key={header.id} header={header} />
              ))}
            </tr>
          ))}
        </thead>
        <tbody
          className="grid-table__body"
          style={{ height: virtualizer.getTotalSize() }}
          onClick={onRowClick}
          onKeyDown={onRowKey}
        >
          {virtualItems.slice(0, shown).map((item) => {
            const row = rows[item.index]
            return row ? (
              <GridRow
                key={row.id}
                row={row}
                index={item.index}
                start={item.start}
                height={rowHeight}
                columns={columnIds.join()}
              />
            ) : null
          })}
        </tbody>
      </table>
    </div>
  )
}
