import type { Header } from '@tanstack/react-table'
import type { ReplicaJobSession } from '@/em/parse-session.ts'
import type { sessionTableFeatures } from './columns.tsx'

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const

/**
 * A column header; a sortable one is a button that fills the whole cell, so a click anywhere in it sorts, and it
 * carries aria-sort while it is the sort (STYLE §3.12).
 */
export function SortHeader({
  header,
}: {
  header: Header<typeof sessionTableFeatures, ReplicaJobSession, unknown>
}) {
  const { column } = header
  const label = typeof column.columnDef.header === 'string' ? column.columnDef.header : column.id
  const sorted = column.getIsSorted()
  const className = `grid-table__header col--${column.id}`
  if (!column.getCanSort()) {
    return (
      <th scope="col" className={className}>
        {label}
      </th>
    )
  }
  return (
    <th
      scope="col"
      className={`${className} grid-table__header--sortable`}
      aria-sort={sorted ? ARIA_SORT[sorted] : undefined}
    >
      <button type="button" className="sort-button" onClick={column.getToggleSortingHandler()}>
        {label}
        <span className="sort-button__icon" aria-hidden="true">
          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  )
}
