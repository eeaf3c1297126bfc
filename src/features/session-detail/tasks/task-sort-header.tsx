import type { TaskSort, TaskSortKey } from './task-sort.ts'

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const

export interface TaskSortHeaderProps {
  label: string
  column: TaskSortKey
  sort: TaskSort
  onSort: (column: TaskSortKey) => void
}

/** A sortable column header: a button, with aria-sort while it is the sort (STYLE §3.12). */
export function TaskSortHeader({ label, column, sort, onSort }: TaskSortHeaderProps) {
  const active = sort.key === column
  return (
    <th scope="col" aria-sort={active ? ARIA_SORT[sort.dir] : undefined}>
      <button type="button" className="detail-sort" onClick={() => onSort(column)}>
        {label}
        <span className="detail-sort__icon" aria-hidden="true">
          {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  )
}
