import { useId } from 'react'
import { SavedDataNote } from '@/components/saved-data-note.tsx'
import { formatAge } from '@/lib/format-time.ts'
import { isFromEarlierVisit } from '@/lib/page-start.ts'
import { useNow } from '@/lib/use-now.ts'
import { REFRESH_SECONDS } from './search-params.ts'

const LABELS: Record<(typeof REFRESH_SECONDS)[number], string> = {
  0: 'Auto-refresh off',
  15: 'Every 15 s',
  30: 'Every 30 s',
  60: 'Every minute',
  300: 'Every 5 minutes',
}

function UpdatedAgo({ at }: { at: number }) {
  const now = useNow(1000)
  return <>Updated {formatAge(now - at)} ago</>
}

export interface RefreshControlProps {
  seconds: number
  onSeconds: (seconds: number) => void
  /** dataUpdatedAt of the rows on screen; 0 before the first answer. */
  updatedAt: number
  fetching: boolean
  onRefresh: () => void
}

/** Auto-refresh interval (paused while the tab is hidden), the rows' age and a manual refresh. */
export function RefreshControl({ seconds, onSeconds, updatedAt, fetching, onRefresh }: RefreshControlProps) {
  const id = useId()
  return (
    <div className="refresh">
      {/* The options say what they do ("Every 30 s"); the label names the control for screen readers. */}
      <label htmlFor={id} className="sr-only">
        Auto-refresh
      </label>
      <select
        id={id}
        className="input"
        value={seconds}
        onChange={(event) => onSeconds(Number(event.target.value))}
      >
        {REFRESH_SECONDS.map((value) => (
          <option key={value} value={value}>
            {LABELS[value]}
          </option>
        ))}
      </select>
      <button type="button" className="button button--small" onClick={onRefresh} disabled={fetching}>
        {fetching ? 'Refreshing…' : 'Refresh now'}
      </button>
      <span className="refresh__age">
        {isFromEarlierVisit(updatedAt) ? (
          <SavedDataNote updatedAt={updatedAt} fetching={fetching} brief />
        ) : updatedAt > 0 ? (
          <UpdatedAgo at={updatedAt} />
        ) : null}
      </span>
    </div>
  )
}
