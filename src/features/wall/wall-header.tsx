import { SavedDataNote } from '@/components/saved-data-note.tsx'
import { lazyDateFormat } from '@/lib/lazy-intl.ts'
import type { Freshness } from './freshness.ts'

const clockFormat = lazyDateFormat({
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})
const dateFormat = lazyDateFormat({ weekday: 'short', day: 'numeric', month: 'short' })

/** "14:05:09", local, 24-hour: read the same in every NOC. */
export function clockTime(ms: number): string {
  return clockFormat().format(ms)
}

const CONNECTION_WORDS: Record<Freshness['connection'], string> = {
  connecting: 'Connecting',
  saved: 'Asking EM',
  live: 'Live',
  waiting: 'Waiting for EM',
  failing: 'EM not answering',
}

export interface WallHeaderProps {
  emName: string
  scope: string | null
  kiosk: boolean
  freshness: Freshness
  now: number
}

/** Which EM and which sessions, the time, and how fresh the data is: the first thing read from across a room. */
export function WallHeader({ emName, scope, kiosk, freshness, now }: WallHeaderProps) {
  const { updatedAt, nextAttemptAt, connection, stale, saved } = freshness
  return (
    <header className="wall-header">
      <div className="wall-header__title">
        <h1>Replica sessions</h1>
        <p className="wall-header__em">
          {emName}
          {scope ? <span className="wall-header__scope"> · {scope}</span> : null}
          {kiosk ? <span className="wall-header__scope"> · wall account</span> : null}
        </p>
      </div>
      <div className="wall-header__status">
        <p className={`wall-connection wall-connection--${connection}`}>
          <span className="wall-connection__dot" aria-hidden="true" />
          {CONNECTION_WORDS[connection]}
        </p>
        <p className="wall-header__updated">
          {updatedAt === null ? (
            'No data yet'
          ) : saved ? (
            // The last visit's data, restored at start: its age says how old it is, no "stale" alarm needed.
            <SavedDataNote updatedAt={updatedAt} fetching={nextAttemptAt === null} />
          ) : (
            `Updated at ${clockTime(updatedAt)}`
          )}
          {stale && !saved ? <strong className="wall-stale"> Stale</strong> : null}
        </p>
        <p className="wall-header__next" aria-live="off">
          {nextAttemptAt === null
            ? 'Refreshing…'
            : `Next refresh in ${Math.max(0, Math.ceil((nextAttemptAt - now) / 1000))} s`}
        </p>
      </div>
      <p className="wall-header__clock">
        <time dateTime={new Date(now).toISOString()}>{clockTime(now)}</time>
        <span className="wall-header__date">{dateFormat().format(now)}</span>
      </p>
    </header>
  )
}
