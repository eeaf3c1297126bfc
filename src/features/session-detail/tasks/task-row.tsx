import { LocalTime } from '@/components/local-time.tsx'
import { StatusBadge } from '@/components/status-badge.tsx'
import type { ReplicaTaskSession } from '@/em/parse-task-session.ts'
import { durationMs, isRunning } from '@/em/session-status.ts'
import { FoldableText } from '@/features/session-detail/foldable-text.tsx'
import { formatBytes, formatExactBytes } from '@/lib/format-bytes.ts'
import { describeDuration, formatDuration } from '@/lib/format-duration.ts'
import { useNow } from '@/lib/use-now.ts'

function Duration({ ms }: { ms: number | null }) {
  return (
    <>
      <span aria-hidden="true">{formatDuration(ms)}</span>
      <span className="sr-only">{describeDuration(ms)}</span>
    </>
  )
}

function Elapsed({ task }: { task: ReplicaTaskSession }) {
  const now = useNow(1000)
  return <Duration ms={durationMs(task, now)} />
}

/** End − start, ticking while the task runs. */
export function TaskDuration({ task }: { task: ReplicaTaskSession }) {
  return isRunning(task) && task.endTime === null ? (
    <Elapsed task={task} />
  ) : (
    <Duration ms={durationMs(task, Date.now())} />
  )
}

/** One VM of the session: what happened to it and why. */
export function TaskRow({ task }: { task: ReplicaTaskSession }) {
  const running = isRunning(task)
  return (
    <tr className={`detail-task detail-task--${task.result.toLowerCase()}`}>
      <th scope="row" className="detail-task__vm">
        <bdi>{task.vmDisplayName}</bdi>
      </th>
      <td>
        <StatusBadge kind="state" value={task.state} />
      </td>
      <td>
        <StatusBadge kind="result" value={task.result} />
      </td>
      <td className="detail-task__reason">
        <FoldableText text={task.reason} />
      </td>
      <td className="detail-num">
        <span title={formatExactBytes(task.totalSize)}>{formatBytes(task.totalSize)}</span>
      </td>
      <td>
        <LocalTime ms={task.creationTime} />
      </td>
      <td>{running ? 'Running' : <LocalTime ms={task.endTime} fallback="Unknown" />}</td>
      <td className="detail-num">
        <TaskDuration task={task} />
      </td>
    </tr>
  )
}
