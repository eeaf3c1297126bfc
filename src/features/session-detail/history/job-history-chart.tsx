// Recharts lives only here, loaded through React.lazy by job-history.tsx: the first screen stays light (STYLE §3.1).
import {
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceDot,
  ReferenceLine,
  Scatter,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from 'recharts'
import { formatDuration } from '@/lib/format-duration.ts'
import { formatLocal } from '@/lib/format-time.ts'
import { HISTORY_SERIES, type HistoryPoint, SERIES_ORDER } from './history-series.ts'

const dayFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' })
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hour12: false })
// An hourly job's last 30 runs all fall on one or two days: its axis names times, a daily job's names days.
const TIME_TICKS_BELOW_MS = 2 * 86_400_000

function isPoint(value: unknown): value is HistoryPoint {
  return typeof value === 'object' && value !== null && 'uid' in value && 'series' in value
}

function RunTooltip({ active, payload }: TooltipContentProps) {
  const point = payload?.map((entry) => entry.payload).find(isPoint)
  if (!active || !point) return null
  return (
    <div className="detail-tooltip">
      <strong>{HISTORY_SERIES[point.series].label}</strong>
      {point.isThis ? ' — this session' : ''}
      <br />
      {formatLocal(point.start)}
      <br />
      Duration {formatDuration(point.durationMs)}
    </div>
  )
}

/** Duration per run (minutes), one scatter series per result with its own shape; this session ringed and lined. */
export function JobHistoryChart({ points }: { points: readonly HistoryPoint[] }) {
  const mark = points.find((point) => point.isThis)
  const data = [...points]
  const span = (points.at(-1)?.start ?? 0) - (points[0]?.start ?? 0)
  const tickFormat = span < TIME_TICKS_BELOW_MS ? timeFormat : dayFormat
  // A Scatter given an empty data array draws the chart's whole data instead: series without runs are left out.
  const series = SERIES_ORDER.map((key) => ({
    key,
    points: data.filter((point) => point.series === key),
  })).filter((entry) => entry.points.length > 0)
  return (
    <ComposedChart
      responsive
      data={data}
      style={{ width: '100%', height: 260 }}
      margin={{ top: 22, right: 16, bottom: 4, left: 0 }}
    >
      <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
      <XAxis
        dataKey="index"
        type="number"
        domain={[0.5, Math.max(points.length, 1) + 0.5]}
        allowDecimals={false}
        tickFormatter={(index: number) => {
          const point = points[index - 1]
          return point ? tickFormat.format(point.start) : ''
        }}
        stroke="var(--text-muted)"
        tick={{ fill: 'var(--text-muted)', fontSize: 12 }}
      />
      <YAxis
        dataKey="minutes"
        // Headroom above the longest run, so this session's ring and the line's label never overlap.
        domain={[0, (dataMax: number) => Math.max(1, Math.ceil(dataMax * 1.15))]}
        width={48}
        stroke="var(--text-muted)"
        tick={{ fill: 'var(--text-muted)', fontSize: 12 }}
        label={{ value: 'min', position: 'insideTopLeft', offset: 0, dy: -18, fill: 'var(--text-muted)' }}
      />
      <Tooltip content={RunTooltip} />
      <Line
        dataKey="minutes"
        stroke="var(--border)"
        dot={false}
        activeDot={false}
        isAnimationActive={false}
      />
      {mark ? (
        <ReferenceLine
          x={mark.index}
          stroke="var(--focus)"
          strokeDasharray="5 3"
          label={{ value: 'This session', position: 'top', fill: 'var(--text)', fontSize: 12 }}
        />
      ) : null}
      {series.map(({ key, points: own }) => (
        <Scatter
          key={key}
          name={HISTORY_SERIES[key].label}
          data={own}
          dataKey="minutes"
          fill={HISTORY_SERIES[key].color}
          shape={HISTORY_SERIES[key].shape}
          isAnimationActive={false}
        />
      ))}
      {mark ? (
        <ReferenceDot
          x={mark.index}
          y={mark.minutes}
          r={11}
          fill="none"
          stroke="var(--focus)"
          strokeWidth={2.5}
          className="detail-history-mark"
        />
      ) : null}
    </ComposedChart>
  )
}
