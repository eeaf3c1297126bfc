import { useQuery } from '@tanstack/react-query'
import { StatusIcon } from '@/components/status-icon.tsx'
import { sessionQueries } from '@/em/session-queries.ts'
import { formatUtc } from '@/lib/format-time.ts'
import { lazyDateFormat } from '@/lib/lazy-intl.ts'
import type { SeenMark } from '@/lib/preferences.ts'
import { newFailuresFilter } from './new-failures.ts'

const DAY_MS = 86_400_000
const clock = lazyDateFormat({ hour: '2-digit', minute: '2-digit', hour12: false })
const dayAndClock = lazyDateFormat({
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
})

/** "12:40" today, "11 Mar, 12:40" before that. */
export function sinceText(since: number, now: number): string {
  const sameDay = new Date(since).toDateString() === new Date(now).toDateString()
  return sameDay && now - since < DAY_MS ? clock().format(since) : dayAndClock().format(since)
}

export interface NewFailuresLineProps {
  since: SeenMark | null
  refetchInterval: number | false
  /** Filter the list to exactly those sessions (EM's filter for them). */
  onShow: (since: SeenMark) => void
  onMarkSeen: () => void
}

/** "3 new failures since 12:40 — show them": counted by EM over every session, whatever the filter on screen. */
export function NewFailuresLine({ since, refetchInterval, onShow, onMarkSeen }: NewFailuresLineProps) {
  const count = useQuery({
    ...sessionQueries.count(newFailuresFilter(since ?? { at: 0, after: 0 })),
    enabled: since !== null,
    refetchInterval,
  })
  if (since === null || !count.data) return null
  const n = count.data
  return (
    <p className="new-failures" role="status">
      <span className="new-failures__icon">
        <StatusIcon tone="failed" />
      </span>
      <span>
        <strong>
          {n.toLocaleString()} new {n === 1 ? 'failure' : 'failures'}
        </strong>{' '}
        (failed or warning) since{' '}
        <time dateTime={formatUtc(since.at)} title={`${formatUtc(since.at)} (UTC)`}>
          {sinceText(since.at, Date.now())}
        </time>
      </span>
      <span aria-hidden="true">—</span>
      <button type="button" className="button button--small" onClick={() => onShow(since)}>
        Show them
      </button>
      <button type="button" className="button button--small" onClick={onMarkSeen}>
        Mark all as seen
      </button>
    </p>
  )
}
