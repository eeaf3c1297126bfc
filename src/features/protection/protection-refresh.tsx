import { useId } from 'react'
import { formatAge } from '@/lib/format-time.ts'
import { useNow } from '@/lib/use-now.ts'
import { REFRESH_SECONDS } from './search-params.ts'

const LABELS: Record<(typeof REFRESH_SECONDS)[number], string> = {
  0: 'Off',
  60: 'Every minute',
  300: 'Every 5 minutes',
  900: 'Every 15 minutes',
}

export interface ProtectionRefreshProps {
  seconds: number
  onSeconds: (seconds: number) => void
  updatedAt: number
  fetching: boolean
  onRefresh: () => void
}

/** Auto-refresh (EM collects every 15 min, em-api.md §15), the answers' age and a manual refresh. */
export function ProtectionRefresh({
  seconds,
  onSeconds,
  updatedAt,
  fetching,
  onRefresh,
}: ProtectionRefreshProps) {
  const id = useId()
  const now = useNow(1000)
  return (
    <div className="prot-refresh">
      <label htmlFor={id} className="field__label">
        Auto-refresh
      </label>
      <select id={id} className="input" value={seconds} onChange={(e) => onSeconds(Number(e.target.value))}>
        {REFRESH_SECONDS.map((value) => (
          <option key={value} value={value}>
            {LABELS[value]}
          </option>
        ))}
      </select>
      <button type="button" className="button button--small" onClick={onRefresh} disabled={fetching}>
        {fetching ? 'Refreshing…' : 'Refresh now'}
      </button>
      <span className="prot-refresh__age" role="status">
        {updatedAt > 0 ? `EM answers ${formatAge(now - updatedAt)} old` : 'Asking EM…'}
      </span>
    </div>
  )
}
