import type { ReplicaJobSession } from '@/em/parse-session.ts'
import { isRunning } from '@/em/session-status.ts'
import { useNow } from '@/lib/use-now.ts'
import { BASELINE_RUNS, deviationBasis, deviationHeadline, durationDeviation } from './duration-deviation.ts'

export interface DeviationNoteProps {
  session: ReplicaJobSession
  /** The job's successful runs up to this session, newest first (the baseline query). */
  earlier: readonly ReplicaJobSession[]
}

/** "Is it usual?" in one figure: this run against the average of the previous five successful runs. */
export function DeviationNote({ session, earlier }: DeviationNoteProps) {
  // A running session's figure grows with it; a finished one never changes.
  const now = useNow(isRunning(session) ? 1000 : 60_000)
  const deviation = durationDeviation(session, earlier, now)
  if (!deviation) {
    return (
      <div className="detail-deviation">
        <p className="detail-deviation__basis">
          No earlier successful run of this job to compare with (the comparison uses up to {BASELINE_RUNS}).
        </p>
      </div>
    )
  }
  const basis = deviationBasis(deviation)
  const sign = deviation.percent > 0 ? '+' : deviation.percent < 0 ? '−' : '±'
  return (
    <div className="detail-deviation">
      <p className="detail-deviation__figure">
        <span aria-hidden="true">
          {sign}
          {Math.abs(deviation.percent)} %
        </span>
        <span className="sr-only">{deviationHeadline(deviation)}</span>
      </p>
      <p>
        {isRunning(session) ? 'So far this run is ' : 'This run was '}
        <strong>{deviationHeadline(deviation)}</strong> than the average of the previous{' '}
        {deviation.runs === 1 ? 'successful run' : `${deviation.runs} successful runs`}.
      </p>
      <p className="detail-deviation__basis">
        <span aria-hidden="true">{basis.text}</span>
        <span className="sr-only">{basis.spoken}</span>
      </p>
    </div>
  )
}
