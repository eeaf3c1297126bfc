// The explorer's table instance (TanStack Table v9). Sort and page come from the URL on every render and write
// it back (STYLE §3.5); column visibility and order come from this browser's preference and write it back, so the
// chooser, the grid and the phone cards all read one state.
import {
  type ColumnOrderState,
  type ColumnVisibilityState,
  functionalUpdate,
  type PaginationState,
  type SortingState,
  type Updater,
  useTable,
} from '@tanstack/react-table'
import { useMemo } from 'react'
import type { ReplicaJobSession } from '@/em/parse-session.ts'
import type { SessionSort } from '@/em/session-query-path.ts'
import { sessionColumns, sessionTableFeatures } from '@/features/sessions/columns.tsx'
import { tableLayoutPreference, usePreference } from '@/lib/preferences.ts'
import { COLUMN_IDS, DEFAULT_VISIBILITY, resolveLayout, toStoredLayout } from './column-layout.ts'

export interface SessionTableInput {
  sessions: ReplicaJobSession[]
  sort: SessionSort
  page: number
  pagesCount: number
  pageSize: number
  onSort: (sort: string) => void
  onPage: (page: number) => void
  onPageSize: (size: number) => void
}

// Read at the moment of the change, not from the render that made the handler: a reset changes visibility and
// then order, and the second change must not write back the first one's old value.
function changeLayout(
  change: (layout: ReturnType<typeof resolveLayout>) => ReturnType<typeof resolveLayout>,
) {
  tableLayoutPreference.set(toStoredLayout(change(resolveLayout(tableLayoutPreference.get()))))
}

export function useSessionTable(input: SessionTableInput) {
  const { sessions, sort, page, pagesCount, pageSize } = input
  const stored = usePreference(tableLayoutPreference)
  const layout = useMemo(() => resolveLayout(stored), [stored])
  const sorting: SortingState = [{ id: sort.field, desc: sort.dir === 'desc' }]
  const pagination: PaginationState = { pageIndex: page - 1, pageSize }
  return useTable({
    features: sessionTableFeatures,
    columns: sessionColumns,
    data: sessions,
    getRowId: (session) => session.uid,
    // What "reset" goes back to.
    initialState: { columnVisibility: DEFAULT_VISIBILITY, columnOrder: [...COLUMN_IDS] },
    state: { sorting, pagination, ...layout },
    manualSorting: true,
    manualPagination: true,
    pageCount: pagesCount,
    enableMultiSort: false,
    enableSortingRemoval: false,
    onSortingChange: (updater) => {
      const [next] = functionalUpdate(updater, sorting)
      if (next) input.onSort(`${next.id}.${next.desc ? 'desc' : 'asc'}`)
    },
    onPaginationChange: (updater) => {
      const next = functionalUpdate(updater, pagination)
      if (next.pageSize !== pageSize) input.onPageSize(next.pageSize)
      else input.onPage(next.pageIndex + 1)
    },
    onColumnVisibilityChange: (updater: Updater<ColumnVisibilityState>) =>
      changeLayout((current) => ({
        ...current,
        columnVisibility: functionalUpdate(updater, current.columnVisibility),
      })),
    onColumnOrderChange: (updater: Updater<ColumnOrderState>) =>
      changeLayout((current) => ({
        ...current,
        columnOrder: functionalUpdate(updater, current.columnOrder),
      })),
  })
}

export type SessionTable = ReturnType<typeof useSessionTable>
