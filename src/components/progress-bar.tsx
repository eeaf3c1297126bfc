import './progress-bar.css'
export interface ProgressBarProps {
  value: number
  running: boolean
  label: string
}

/** A determinate progress bar with its percent as text; animates only while running and motion is allowed (CSS). */
export function ProgressBar({ value, running, label }: ProgressBarProps) {
  const percent = Math.min(100, Math.max(0, Math.round(value)))
  return (
    <span className="progress">
      <span
        className={running ? 'progress__track progress__track--running' : 'progress__track'}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <span className="progress__fill" style={{ width: `${percent}%` }} />
      </span>
      <span className="progress__text">{percent}%</span>
    </span>
  )
}
