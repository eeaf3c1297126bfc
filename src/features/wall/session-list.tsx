import { ProgressBar } from '@/components/progress-bar.tsx'
import { StatusBadge } from '@/components/status-badge.tsx'
import type { ReplicaJobSession } from '@/em/parse-session.ts'
import { isRunning } from '@/em/session-status.ts'
import { formatAge } from '@/lib/format-time.ts'
import { type ListPage, pageAt } from './list-pages.ts'
import { useFitRows } from './use-fit-rows.ts'

export interface SessionListProps {
  sessions: readonly ReplicaJobSession[]
  now: number
  rotateMs: number
  /** Rows per page until the screen has been measured. */
  rowsPerPage: number
}

/** The session list, one page at a time; pages turn by themselves and say which page is showing. */
export function SessionList({ sessions, now, rotateMs, rowsPerPage }: SessionListProps) {
  const [body, fitting] = useFitRows<HTMLDivElement>(rowsPerPage, sessions.length > 0)
  const page: ListPage<ReplicaJobSession> = pageAt(sessions, { now, rotateMs, perPage: fitting })
  return (
    <section className="wall-list" aria-labelledby="wall-list-title">
      <div className="wall-panel__head">
        <h2 id="wall-list-title">Sessions: failed, running, then the rest</h2>
        {page.count > 1 ? (
          <p className="wall-list__page">
            page {page.index + 1} of {page.count}
          </p>
        ) : null}
      </div>
      <div className="wall-list__body" ref={body}>
        {sessions.length === 0 ? (
          <p className="wall-list__empty">No sessions in the last 24 hours.</p>
        ) : (
          <table className="wall-list__table">
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col">Job</th>
                <th scope="col">Backup server</th>
                <th scope="col">Progress</th>
                <th scope="col">Started</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((session) => (
                <SessionRow key={session.uid} session={session} now={now} />
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  )
}

function SessionRow({ session, now }: { session: ReplicaJobSession; now: number }) {
  const running = isRunning(session)
  return (
    <tr className={`wall-row wall-row--${running ? 'running' : session.result.toLowerCase()}`}>
      <td>
        {running ? (
          <StatusBadge kind="state" value={session.state} size="large" />
        ) : (
          <StatusBadge kind="result" value={session.result} size="large" />
        )}
      </td>
      <td>
        <div className="wall-row__job">
          <span className="wall-row__name">{session.jobName}</span>
          {session.isRetry ? <span className="wall-row__retry">retry</span> : null}
        </div>
      </td>
      <td className="wall-row__server">{session.backupServerName ?? '—'}</td>
      <td>
        <ProgressBar value={session.progress} running={running} label={`${session.jobName} progress`} />
      </td>
      <td className="wall-row__age">{formatAge(now - session.creationTime)} ago</td>
    </tr>
  )
}
