import './status-icon.css'
// Shapes differ per status so the badge reads without colour (STYLE §3.12).
export type StatusTone = 'success' | 'warning' | 'failed' | 'running' | 'idle' | 'unknown'

const paths: Record<StatusTone, string> = {
  success: 'M3.5 8.5l3 3 6-7',
  warning: 'M8 2.5l6 11H2zM8 6.5v3.5M8 11.8v.4',
  failed: 'M4 4l8 8M12 4l-8 8',
  running: 'M5 3.5v9l7-4.5z',
  idle: 'M4 4h8v8H4z',
  unknown: 'M6 6a2 2 0 1 1 2.5 2c-.5.2-.5.6-.5 1.2M8 11.8v.4',
}

/** A 16-px glyph for a status tone, hidden from assistive tech (the badge text names it). */
export function StatusIcon({ tone }: { tone: StatusTone }) {
  return (
    <svg
      className="status-icon"
      viewBox="0 0 16 16"
      width="1em"
      height="1em"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={paths[tone]}
        fill={tone === 'running' ? 'currentColor' : 'none'}
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  )
}
