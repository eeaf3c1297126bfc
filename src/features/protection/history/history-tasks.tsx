import { Link } from '@tanstack/react-router'
import { LocalTime } from '@/components/local-time.tsx'
import { StatusBadge } from '@/components/status-badge.tsx'
import { idFromUid } from '@/em/link-resolver.ts'
import type { ReplicaJobSession } from '@/em/parse-session.ts'
import type { ReplicaTaskSession } from '@/em/parse-task-session.ts'
import { foldRuns } from '@/em/protection/runs.ts'
import { durationMs } from '@/em/session-status.ts'
import { formatBytes } from '@/lib/format-bytes.ts'
import { formatDuration } from '@/lib/format-duration.ts'

export interface HistoryTasksProps {
  tasks: readonly ReplicaTaskSession[]
  sessions: readonly ReplicaJobSession[]
}

/** Every task session of the VM, newest first, grouped by run (a retry is marked), each linking to its session. */
export function HistoryTasks({ tasks, sessions }: HistoryTasksProps) {
  if (tasks.length === 0) return <p>No task session of this VM in the window.</p>
  const runOf = foldRuns(sessions)
  const runNumbers = new Map<string, number>()
  const retries = new Set(
    sessions.filter((session) => session.isRetry).map((session) => session.uid.toLowerCase()),
  )
  const runs = new Set(
    tasks.map((task) => runOf.get(task.jobSessionUid.toLowerCase())?.id ?? task.jobSessionUid),
  )
  for (const id of runs) runNumbers.set(id, runNumbers.size + 1)
  const now = Date.now()
  return (
    <table className="prot-history-table">
      <caption className="sr-only">
        Task sessions of this VM, newest first; a retry belongs to the run above it
      </caption>
      <thead>
        <tr>
          <th scope="col">Run</th>
          <th scope="col">Started</th>
          <th scope="col">Result</th>
          <th scope="col">Duration</th>
          <th scope="col">Size</th>
          <th scope="col">Reason</th>
          <th scope="col">Job session</th>
        </tr>
      </thead>
      <tbody>
        {tasks.map((task) => {
          const sessionUid = task.jobSessionUid.toLowerCase()
          const run = runNumbers.get(runOf.get(sessionUid)?.id ?? task.jobSessionUid)
          const duration = durationMs(task, now)
          return (
            <tr key={task.uid}>
              <td>
                {run}
                {retries.has(sessionUid) ? <span className="prot-retry"> ↻ retry</span> : null}
              </td>
              <td>
                <LocalTime ms={task.creationTime} />
              </td>
              <td>
                <StatusBadge kind="result" value={task.result} />
              </td>
              <td>{duration === null ? '—' : formatDuration(duration)}</td>
              <td>{formatBytes(task.totalSize)}</td>
              <td className="prot-history-table__reason">{task.reason || '—'}</td>
              <td>
                <Link
                  to="/sessions/$id"
                  params={{ id: idFromUid(task.jobSessionUid) }}
                  aria-label={`Open the job session of run ${run}, ${new Date(task.creationTime).toISOString()}`}
                >
                  Open session
                </Link>
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
