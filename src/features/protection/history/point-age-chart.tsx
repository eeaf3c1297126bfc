// Recharts lives only in *-chart.tsx files loaded through React.lazy (STYLE §3.1): the age of the newest point
// over the window against the RPO line.
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts'
import { formatLocal } from '@/lib/format-time.ts'
import type { AgeStep } from './point-ages.ts'

const tickFormat = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
})
const TICKS = 6

export function PointAgeChart({ steps, rpoHours }: { steps: readonly AgeStep[]; rpoHours: number }) {
  const top = Math.max(rpoHours * 1.3, ...steps.map((step) => (step.hours ?? 0) * 1.1))
  const from = steps[0]?.time ?? 0
  const to = steps.at(-1)?.time ?? 0
  // Evenly spaced times: the saw-tooth has few corners, so the axis would otherwise name only its two ends.
  const ticks = Array.from({ length: TICKS }, (_, i) => from + ((to - from) * i) / (TICKS - 1))
  return (
    <LineChart
      responsive
      data={[...steps]}
      style={{ width: '100%', height: 240 }}
      margin={{ top: 16, right: 24, bottom: 4, left: 0 }}
    >
      <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
      <XAxis
        dataKey="time"
        type="number"
        domain={['dataMin', 'dataMax']}
        scale="time"
        ticks={ticks}
        tickFormatter={(time: number) => tickFormat.format(time)}
        stroke="var(--text-muted)"
        tick={{ fill: 'var(--text-muted)', fontSize: 12 }}
      />
      <YAxis
        domain={[0, Math.ceil(top)]}
        width={48}
        stroke="var(--text-muted)"
        tick={{ fill: 'var(--text-muted)', fontSize: 12 }}
        label={{ value: 'h', position: 'insideTopLeft', offset: 0, dy: -14, fill: 'var(--text-muted)' }}
      />
      <Tooltip
        labelFormatter={(time) => (typeof time === 'number' ? formatLocal(time) : '')}
        formatter={(value) => [
          typeof value === 'number' ? `${value.toFixed(1)} h` : '—',
          'Age of newest point',
        ]}
      />
      <ReferenceLine
        y={rpoHours}
        stroke="var(--failed)"
        strokeDasharray="6 4"
        label={{
          value: `RPO ${rpoHours} h`,
          position: 'insideTopRight',
          fill: 'var(--failed)',
          fontSize: 12,
        }}
      />
      <Line
        dataKey="hours"
        type="linear"
        stroke="var(--running)"
        strokeWidth={2}
        dot={false}
        connectNulls={false}
        isAnimationActive={false}
      />
    </LineChart>
  )
}
