// "Is this usual?": this run's duration against the average of the job's previous five successful runs.
// Success only, because a failed run often stops early and a warning run may retry: neither is a normal length.
import type { ReplicaJobSession } from '@/em/parse-session.ts'
import { durationMs } from '@/em/session-status.ts'
import { describeDuration, formatDuration } from '@/lib/format-duration.ts'

export const BASELINE_RUNS = 5

export interface Deviation {
  /** This run's duration; up to now while it runs. */
  thisMs: number
  averageMs: number
  /** (this − average) / average, in whole percent; positive means longer. */
  percent: number
  /** How many earlier successful runs the average is over (1 to 5). */
  runs: number
}

/** Compares a session with the successful runs of its job that started before it; null without a baseline. */
export function durationDeviation(
  session: ReplicaJobSession,
  runs: readonly ReplicaJobSession[],
  now: number,
): Deviation | null {
  const thisMs = durationMs(session, now)
  if (thisMs === null) return null
  const baseline = runs
    .filter(
      (run) =>
        run.uid !== session.uid &&
        run.creationTime < session.creationTime &&
        run.result === 'Success' &&
        run.endTime !== null,
    )
    .sort((a, b) => b.creationTime - a.creationTime)
    .slice(0, BASELINE_RUNS)
  const durations = baseline.flatMap((run) => (run.endTime === null ? [] : [run.endTime - run.creationTime]))
  if (durations.length === 0) return null
  const averageMs = durations.reduce((sum, ms) => sum + ms, 0) / durations.length
  if (averageMs <= 0) return null
  return {
    thisMs,
    averageMs,
    percent: Math.round(((thisMs - averageMs) / averageMs) * 100),
    runs: durations.length,
  }
}

/** "23 % longer", "8 % shorter", "the same length" — the headline figure in words. */
export function deviationHeadline(deviation: Deviation): string {
  if (deviation.percent === 0) return 'the same length'
  return `${Math.abs(deviation.percent)} % ${deviation.percent > 0 ? 'longer' : 'shorter'}`
}

/** The comparison spelled out, e.g. "12:05 against an average of 9:49 over the previous 5 successful runs". */
export function deviationBasis(deviation: Deviation): { text: string; spoken: string } {
  const over = `the previous ${deviation.runs === 1 ? 'successful run' : `${deviation.runs} successful runs`}`
  return {
    text: `${formatDuration(deviation.thisMs)} against an average of ${formatDuration(deviation.averageMs)} over ${over}`,
    spoken: `${describeDuration(deviation.thisMs)} against an average of ${describeDuration(deviation.averageMs)} over ${over}`,
  }
}
