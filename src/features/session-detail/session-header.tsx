import { LiveDuration } from '@/components/live-duration.tsx'
import { LocalTime } from '@/components/local-time.tsx'
import { ProgressBar } from '@/components/progress-bar.tsx'
import { StatusBadge } from '@/components/status-badge.tsx'
import type { ReplicaJobSession } from '@/em/parse-session.ts'
import { durationGrows, durationMs, isRunning } from '@/em/session-status.ts'
import { formatLocal } from '@/lib/format-time.ts'
import { FoldableText } from './foldable-text.tsx'

export interface SessionHeaderProps {
  session: ReplicaJobSession
  /** When the shown data arrived (the query's dataUpdatedAt). */
  updatedAt: number
  refreshSeconds: number
}

/** Job name, status, times, progress and the failure message: the answer to "what happened" at a glance. */
export function SessionHeader({ session, updatedAt, refreshSeconds }: SessionHeaderProps) {
  const running = isRunning(session)
  return (
    <header className="detail-header">
      <div className="detail-header__title">
        <h1>
          <bdi>{session.jobName}</bdi>
        </h1>
        {session.isRetry ? <span className="detail-retry">Retry run</span> : null}
      </div>
      <p className="detail-header__name">
        <bdi>{session.name}</bdi>
      </p>
      <dl className="detail-facts">
        <div>
          <dt>State</dt>
          <dd>
            <StatusBadge kind="state" value={session.state} size="large" />
          </dd>
        </div>
        <div>
          <dt>Result</dt>
          <dd>
            <StatusBadge kind="result" value={session.result} size="large" />
          </dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>
            <LocalTime ms={session.creationTime} />
          </dd>
        </div>
        <div>
          <dt>Ended</dt>
          <dd>{running ? 'Still running' : <LocalTime ms={session.endTime} fallback="Unknown" />}</dd>
        </div>
        <div>
          <dt>Duration</dt>
          <dd>
            <LiveDuration msAt={(now) => durationMs(session, now)} ticking={durationGrows(session)} />
          </dd>
        </div>
        <div className="detail-facts__progress">
          <dt>Progress</dt>
          <dd>
            <ProgressBar value={session.progress} running={running} label="Session progress" />
          </dd>
        </div>
      </dl>
      {session.failureMessage ? (
        <div className="detail-header__failure">
          <FoldableText text={session.failureMessage} more="Show the whole message" />
        </div>
      ) : null}
      {running ? (
        <p className="detail-live">
          Running: refreshed every {refreshSeconds} s, last at {formatLocal(updatedAt)}.
        </p>
      ) : null}
    </header>
  )
}
