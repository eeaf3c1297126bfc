// The job-history chart's one typed series config (STYLE §3.12): label, colour variable and shape per result,
// read alike by the chart, its text legend and its table, so a result never reads by colour alone.
import type { ReplicaJobSession } from '@/em/parse-session.ts'
import { durationMs, isRunning } from '@/em/session-status.ts'

export type HistoryShape = 'circle' | 'triangle' | 'cross' | 'diamond' | 'square'
export type HistorySeriesKey = 'success' | 'warning' | 'failed' | 'running' | 'other'

export interface HistorySeries {
  label: string
  /** A CSS colour from the theme tokens, so both themes keep their contrast. */
  color: string
  shape: HistoryShape
}

export const HISTORY_SERIES: Record<HistorySeriesKey, HistorySeries> = {
  success: { label: 'Success', color: 'var(--success)', shape: 'circle' },
  warning: { label: 'Warning', color: 'var(--warning)', shape: 'triangle' },
  failed: { label: 'Failed', color: 'var(--failed)', shape: 'cross' },
  running: { label: 'Running', color: 'var(--running)', shape: 'diamond' },
  other: { label: 'No result', color: 'var(--unknown)', shape: 'square' },
}

export const SERIES_ORDER: readonly HistorySeriesKey[] = ['success', 'warning', 'failed', 'running', 'other']

export interface HistoryPoint {
  /** 1 = the oldest run shown. */
  index: number
  uid: string
  name: string
  start: number
  durationMs: number
  /** The chart's y value. */
  minutes: number
  series: HistorySeriesKey
  isThis: boolean
}

/** Which series a run belongs to: running first, then its Result; results EM may add later go to "other". */
export function seriesOf(run: ReplicaJobSession): HistorySeriesKey {
  if (isRunning(run)) return 'running'
  const result = run.result.toLowerCase()
  return result === 'success' || result === 'warning' || result === 'failed' ? result : 'other'
}

/**
 * The runs as chart points, oldest first. The session on screen replaces its own (older) copy in the history,
 * so a running session's point moves with the header; runs whose duration is unknown (§7) are left out.
 */
export function toHistoryPoints(
  runs: readonly ReplicaJobSession[],
  session: ReplicaJobSession,
  now: number,
): HistoryPoint[] {
  const fresh = runs.map((run) => (run.uid === session.uid ? session : run))
  return fresh
    .sort((a, b) => a.creationTime - b.creationTime)
    .flatMap((run) => {
      const ms = durationMs(run, now)
      return ms === null ? [] : [{ run, ms }]
    })
    .map(({ run, ms }, i) => ({
      index: i + 1,
      uid: run.uid,
      name: run.name,
      start: run.creationTime,
      durationMs: ms,
      minutes: Math.round((ms / 60_000) * 10) / 10,
      series: seriesOf(run),
      isThis: run.uid === session.uid,
    }))
}
