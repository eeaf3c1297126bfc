import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { ProgressBar } from '@/components/progress-bar.tsx'
import { StatusBadge } from '@/components/status-badge.tsx'
import { sessionQueries } from '@/em/session-queries.ts'
import { isRunning } from '@/em/session-status.ts'

/** How far before the POST (browser clock) a session may have been created and still be the action's. */
export const CLOCK_SKEW_MS = 2 * 60_000
const WATCH_MS = 5000

/**
 * The session an action created, found by job and creation time (no link ties a task to its session, em-api.md
 * §13.4): newest session of the job created since the POST, read every few seconds until it has ended.
 */
export function NewSessionWatch({ jobUid, sentAt }: { jobUid: string; sentAt: number }) {
  const query = useQuery({
    ...sessionQueries.list({
      filter: { jobUid, creationFrom: sentAt - CLOCK_SKEW_MS },
      sort: { field: 'CreationTime', dir: 'desc' },
      page: 1,
      pageSize: 1,
    }),
    refetchInterval: (q) => {
      const found = q.state.data?.items[0]
      return found && !isRunning(found) ? false : WATCH_MS
    },
  })
  const session = query.data?.items[0]
  if (session === undefined) {
    return (
      <p className="new-session" role="status">
        Waiting for the new session: it reaches Enterprise Manager at its next data collection (every 15
        minutes by default). Collect now to see it sooner.
      </p>
    )
  }
  return (
    <div className="new-session" role="status">
      <span>New session:</span>{' '}
      <Link to="/sessions/$id" params={{ id: session.id }}>
        {session.name}
      </Link>{' '}
      <StatusBadge kind="state" value={session.state} />{' '}
      {isRunning(session) ? null : <StatusBadge kind="result" value={session.result} />}
      <ProgressBar
        value={session.progress}
        running={isRunning(session)}
        label={`Progress of ${session.name}`}
      />
    </div>
  )
}
