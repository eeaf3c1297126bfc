import { EmptyState } from '@/components/empty-state.tsx'
import { StatusBadge } from '@/components/status-badge.tsx'
import type { ReplicaTaskSession } from '@/em/parse-task-session.ts'
import { PHONE_QUERY, useMediaQuery } from '@/lib/use-media-query.ts'
import { TaskList } from './task-list.tsx'
import { countByResult, sortTasks } from './task-order.ts'
import { TaskRow } from './task-row.tsx'
import type { TaskSort, TaskSortKey } from './task-sort.ts'
import { TaskSortHeader } from './task-sort-header.tsx'

export const COLUMNS: readonly { key: TaskSortKey; label: string }[] = [
  { key: 'vm', label: 'VM' },
  { key: 'state', label: 'State' },
  { key: 'result', label: 'Result' },
  { key: 'reason', label: 'Reason' },
  { key: 'size', label: 'Total size' },
  { key: 'start', label: 'Start' },
  { key: 'end', label: 'End' },
  { key: 'duration', label: 'Duration' },
]

const ORDER_WORDS: Record<TaskSortKey, string> = {
  vm: 'VM name',
  state: 'state',
  result: 'result, worst first',
  reason: 'reason',
  size: 'total size',
  start: 'start',
  end: 'end',
  duration: 'duration',
}

export interface TaskTableProps {
  tasks: readonly ReplicaTaskSession[]
  sort: TaskSort
  onSort: (column: TaskSortKey) => void
}

/** The session's VMs with a count per result above them; sorted here, since EM returns them in VM order. */
export function TaskTable({ tasks, sort, onSort }: TaskTableProps) {
  // Below 640 px the VMs are a list of cards: eight columns do not fit a phone.
  const phone = useMediaQuery(PHONE_QUERY)
  if (tasks.length === 0) return <EmptyState title="Enterprise Manager lists no VMs for this session (yet)" />
  const rows = sortTasks(tasks, sort, Date.now())
  const resultWords =
    sort.key === 'result' && sort.dir === 'asc' ? 'result, best first' : ORDER_WORDS[sort.key]
  const order = `VMs of this session, by ${resultWords}${sort.key !== 'result' ? (sort.dir === 'asc' ? ', ascending' : ', descending') : ''}`
  return (
    <>
      <ul className="detail-counts" aria-label="VMs per result">
        <li className="detail-counts__total">
          {tasks.length} {tasks.length === 1 ? 'VM' : 'VMs'}
        </li>
        {countByResult(tasks).map(({ result, count }) => (
          <li key={result}>
            <StatusBadge kind="result" value={result} /> <span className="detail-counts__n">{count}</span>
          </li>
        ))}
      </ul>
      {phone ? (
        <TaskList tasks={rows} label={order} sort={sort} onSort={onSort} />
      ) : (
        <div className="detail-table-scroll">
          <table className="detail-table detail-tasks">
            <caption className="sr-only">{order}</caption>
            <thead>
              <tr>
                {COLUMNS.map((column) => (
                  <TaskSortHeader
                    key={column.key}
                    label={column.label}
                    column={column.key}
                    sort={sort}
                    onSort={onSort}
                  />
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((task) => (
                <TaskRow key={task.uid} task={task} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
