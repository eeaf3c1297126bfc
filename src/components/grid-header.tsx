import type { MouseEvent } from 'react'
import './grid-table.css'

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const

export interface GridHeaderProps {
  label: string
  /** The feature's own class for this column (alignment, figures). */
  className?: string
  /** The direction this column sorts the rows in, or false when another column (or none) is the sort. */
  sorted?: 'asc' | 'desc' | false
  /** Absent: the column cannot sort. Gets the click, so a table may read its modifier keys (multi-sort). */
  onSort?: (event: MouseEvent<HTMLButtonElement>) => void
}

/**
 * A column header of the grid table (grid-table.css, which comes with it). A sortable one is a button that fills the
 * whole cell, so a click anywhere in it sorts, and it carries aria-sort while it is the sort (STYLE §3.12).
 */
export function GridHeader({ label, className, sorted = false, onSort }: GridHeaderProps) {
  const classes = ['grid-table__header', className].filter(Boolean).join(' ')
  if (!onSort) {
    return (
      <th scope="col" className={classes}>
        {label}
      </th>
    )
  }
  return (
    <th
      scope="col"
      className={`${classes} grid-table__header--sortable`}
      aria-sort={sorted ? ARIA_SORT[sorted] : undefined}
    >
      <button type="button" className="grid-table__sort" onClick={onSort}>
        {label}
        <span className="grid-table__sort-icon" aria-hidden="true">
          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  )
}
