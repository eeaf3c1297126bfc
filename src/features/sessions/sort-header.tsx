import type { Header } from '@tanstack/react-table'
import { GridHeader } from '@/components/grid-header.tsx'
import type { ReplicaJobSession } from '@/em/parse-session.ts'
import type { sessionTableFeatures } from './columns.tsx'

/** A TanStack column header as the grid table's header cell: its label, its sort, its col-- class. */
export function SortHeader({
  header,
}: {
  header: Header<typeof sessionTableFeatures, ReplicaJobSession, unknown>
}) {
  const { column } = header
  const label = typeof column.columnDef.header === 'string' ? column.columnDef.header : column.id
  return (
    <GridHeader
      label={label}
      className={`col--${column.id}`}
      sorted={column.getIsSorted()}
      onSort={column.getCanSort() ? column.getToggleSortingHandler() : undefined}
    />
  )
}
