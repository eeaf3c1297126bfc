// Recharts lives only in *-chart.tsx files loaded through React.lazy (STYLE §3.1): the wall paints without it.
import { memo } from 'react'
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from 'recharts'
import { HOURLY_SERIES, type HourBucket } from './hourly.ts'

/** Sessions per hour, stacked by result, drawn from the series config; no tooltip (nothing only on hover). */
export const HourlyChart = memo(function HourlyChart({
  buckets,
  fontPx,
}: {
  buckets: readonly HourBucket[]
  /** Text size of the screen, for ticks and the room the axes leave for them. */
  fontPx: number
}) {
  const tick = { fontSize: fontPx, fill: 'var(--text-muted)' }
  return (
    <BarChart
      responsive
      className="wall-chart__svg"
      style={{ width: '100%', height: '100%' }}
      data={[...buckets]}
      margin={{ top: fontPx / 2, right: fontPx / 2, bottom: 0, left: 0 }}
      barCategoryGap="12%"
      accessibilityLayer={false}
    >
      <CartesianGrid vertical={false} stroke="var(--border)" />
      <XAxis
        dataKey="label"
        interval={3}
        tickLine={false}
        stroke="var(--text-muted)"
        tick={tick}
        height={fontPx * 1.8}
      />
      <YAxis allowDecimals={false} width="auto" tickLine={false} stroke="var(--text-muted)" tick={tick} />
      {HOURLY_SERIES.map((series) => (
        <Bar
          key={series.key}
          dataKey={series.key}
          name={series.label}
          stackId="sessions"
          fill={series.color}
          isAnimationActive={false}
        />
      ))}
    </BarChart>
  )
})
