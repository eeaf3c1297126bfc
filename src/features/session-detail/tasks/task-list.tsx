import { useId } from 'react'
import { LocalTime } from '@/components/local-time.tsx'
import { StatusBadge } from '@/components/status-badge.tsx'
import type { ReplicaTaskSession } from '@/em/parse-task-session.ts'
import { isRunning } from '@/em/session-status.ts'
import { FoldableText } from '@/features/session-detail/foldable-text.tsx'
import { formatBytes, formatExactBytes } from '@/lib/format-bytes.ts'
import { TaskDuration } from './task-row.tsx'
import { TASK_SORT_KEYS, type TaskSort, type TaskSortKey } from './task-sort.ts'

const SORT_LABELS: Record<TaskSortKey, string> = {
  vm: 'VM name',
  state: 'State',
  result: 'Result',
  reason: 'Reason',
  size: 'Total size',
  start: 'Start',
  end: 'End',
  duration: 'Duration',
}

export interface TaskListProps {
  /** Already in the chosen order. */
  tasks: readonly ReplicaTaskSession[]
  label: string
  sort: TaskSort
  onSort: (column: TaskSortKey) => void
}

/** The VMs of a session as cards, for a phone: name and badges first, then EM's reason, then the figures. */
export function TaskList({ tasks, label, sort, onSort }: TaskListProps) {
  const sortId = useId()
  return (
    <>
      <div className="detail-task-sort">
        <label htmlFor={sortId}>Sort VMs by</label>
        <select
          id={sortId}
          className="input"
          value={sort.key}
          onChange={(event) => {
            const key = TASK_SORT_KEYS.find((each) => each === event.target.value)
            if (key) onSort(key)
          }}
        >
          {TASK_SORT_KEYS.map((key) => (
            <option key={key} value={key}>
              {SORT_LABELS[key]}
            </option>
          ))}
        </select>
        <button type="button" className="button" onClick={() => onSort(sort.key)}>
          {sort.dir === 'asc' ? 'Ascending' : 'Descending'}
        </button>
      </div>
      <ul className="detail-task-list" aria-label={label}>
        {tasks.map((task) => (
          <li key={task.uid} className={`detail-task-card detail-task--${task.result.toLowerCase()}`}>
            <div className="detail-task-card__head">
              <bdi className="detail-task-card__vm">{task.vmDisplayName}</bdi>
              <StatusBadge kind="state" value={task.state} />
              <StatusBadge kind="result" value={task.result} />
            </div>
            <FoldableText text={task.reason} />
            <dl className="detail-task-card__facts">
              <div>
                <dt>Total size</dt>
                <dd title={formatExactBytes(task.totalSize)}>{formatBytes(task.totalSize)}</dd>
              </div>
              <div>
                <dt>Start</dt>
                <dd>
                  <LocalTime ms={task.creationTime} />
                </dd>
              </div>
              <div>
                <dt>End</dt>
                <dd>{isRunning(task) ? 'Running' : <LocalTime ms={task.endTime} fallback="Unknown" />}</dd>
              </div>
              <div>
                <dt>Duration</dt>
                <dd>
                  <TaskDuration task={task} />
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </>
  )
}
