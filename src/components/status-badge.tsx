import { StatusIcon, type StatusTone } from './status-icon.tsx'
import './status-badge.css'

// EM enum values may fall outside the documented lists (em-api.md §9.2): those get a neutral badge with the raw value.
const RESULT_TONES: Record<string, { tone: StatusTone; label: string }> = {
  Success: { tone: 'success', label: 'Success' },
  Warning: { tone: 'warning', label: 'Warning' },
  Failed: { tone: 'failed', label: 'Failed' },
  None: { tone: 'idle', label: 'No result yet' },
}

const STATE_TONES: Record<string, { tone: StatusTone; label: string }> = {
  Starting: { tone: 'running', label: 'Starting' },
  Working: { tone: 'running', label: 'Working' },
  Resuming: { tone: 'running', label: 'Resuming' },
  Pausing: { tone: 'running', label: 'Pausing' },
  Stopping: { tone: 'running', label: 'Stopping' },
  Stopped: { tone: 'idle', label: 'Stopped' },
  InProgress: { tone: 'running', label: 'In progress' },
  Pending: { tone: 'running', label: 'Pending' },
  Completed: { tone: 'idle', label: 'Completed' },
}

export interface StatusBadgeProps {
  kind: 'state' | 'result'
  value: string
  size?: 'normal' | 'large'
}

/** Resolves a raw EM value to its tone and words; unknown values keep their raw text. */
export function describeStatus(kind: 'state' | 'result', value: string): { tone: StatusTone; label: string } {
  const known = (kind === 'result' ? RESULT_TONES : STATE_TONES)[value]
  if (known) return known
  return { tone: 'unknown', label: value === '' ? 'Unknown' : `Unknown (${value})` }
}

/** A State or Result badge: icon, word and colour together, with an accessible name. */
export function StatusBadge({ kind, value, size = 'normal' }: StatusBadgeProps) {
  const { tone, label } = describeStatus(kind, value)
  return (
    <span className={`badge badge--${tone} badge--${size}`} data-status={value}>
      <StatusIcon tone={tone} />
      <span className="sr-only">{kind === 'result' ? 'Result: ' : 'State: '}</span>
      {label}
    </span>
  )
}
