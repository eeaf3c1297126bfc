// Below 640 px the sessions are cards: state and result first, then job, server, start, duration and progress, one
// card a thumb's width, the whole card a link. The window scrolls (no inner scroller on a touch screen) and only
// the cards in view are in the DOM, as in the grid.
import { Link } from '@tanstack/react-router'
import type { Row } from '@tanstack/react-table'
import { useWindowVirtualizer } from '@tanstack/react-virtual'
import { useLayoutEffect, useRef, useState } from 'react'
import { LiveDuration } from '@/components/live-duration.tsx'
import { LocalTime } from '@/components/local-time.tsx'
import { ProgressBar } from '@/components/progress-bar.tsx'
import { StatusBadge } from '@/components/status-badge.tsx'
import type { ReplicaJobSession } from '@/em/parse-session.ts'
import { durationGrows, durationMs, isRunning } from '@/em/session-status.ts'
import type { sessionTableFeatures } from './columns.tsx'
import { NewMark } from './new-since/new-mark.tsx'

// Every card has the same height (one line each, cut with an ellipsis), so the list needs no measuring.
const CARD_HEIGHT = 128

export interface SessionCardsProps {
  rows: Row<typeof sessionTableFeatures, ReplicaJobSession>[]
  caption: string
  busy: boolean
  stale: boolean
}

function SessionCard({ session }: { session: ReplicaJobSession }) {
  const running = isRunning(session)
  return (
    <>
      <div className="session-card__badges">
        <StatusBadge kind="state" value={session.state} />
        <StatusBadge kind="result" value={session.result} />
        <NewMark session={session} />
        {session.isRetry ? <span className="retry-mark">↻ Retry</span> : null}
      </div>
      <Link
        to="/sessions/$id"
        params={{ id: session.id }}
        className="session-card__link"
        data-row-link=""
        title={session.name}
      >
        {session.jobName}
      </Link>
      <div className="session-card__meta">
        <span className="session-card__server">{session.backupServerName ?? '—'}</span>
        <LocalTime ms={session.creationTime} />
        <LiveDuration msAt={(now) => durationMs(session, now)} ticking={durationGrows(session)} />
      </div>
      {running ? (
        <ProgressBar value={session.progress} running label={`Progress of ${session.name}`} />
      ) : null}
    </>
  )
}

export function SessionCards({ rows, caption, busy, stale }: SessionCardsProps) {
  const listRef = useRef<HTMLUListElement>(null)
  // Where the list starts on the page: the window virtualizer counts from the top of the document.
  const [top, setTop] = useState(0)
  useLayoutEffect(() => {
    const box = listRef.current?.getBoundingClientRect()
    if (box) setTop(box.top + window.scrollY)
  }, [])
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => CARD_HEIGHT,
    overscan: 4,
    scrollMargin: top,
  })
  return (
    <ul
      ref={listRef}
      className={stale ? 'session-cards session-cards--stale' : 'session-cards'}
      aria-label={caption}
      aria-busy={busy}
      style={{ height: virtualizer.getTotalSize() }}
    >
      {virtualizer.getVirtualItems().map((item) => {
        const row = rows[item.index]
        if (!row) return null
        return (
          <li
            key={row.id}
            data-index={item.index}
            aria-posinset={item.index + 1}
            aria-setsize={rows.length}
            className={`session-card session-card--${row.original.result.toLowerCase()}`}
            style={{ transform: `translateY(${item.start - top}px)`, height: CARD_HEIGHT - 8 }}
          >
            <SessionCard session={row.original} />
          </li>
        )
      })}
    </ul>
  )
}
