import { lazy, memo, Suspense, useMemo } from 'react'
import { StatusIcon } from '@/components/status-icon.tsx'
import type { ReplicaJobSession } from '@/em/parse-session.ts'
import { HOURLY_SERIES, hourlyBuckets, hourStart } from './hourly.ts'
import { useFontPx } from './use-font-px.ts'

const HourlyChart = lazy(() => import('./hourly-chart.tsx').then((m) => ({ default: m.HourlyChart })))

/** Sessions per hour over the last day, with a text legend that carries the totals. */
export const HourlyPanel = memo(function HourlyPanel({
  sessions,
  now,
}: {
  sessions: readonly ReplicaJobSession[]
  now: number
}) {
  // Buckets (and the SVG) change when the data or the hour does, not with every tick of the clock.
  const hour = hourStart(now)
  const buckets = useMemo(() => hourlyBuckets(sessions, hour), [sessions, hour])
  const [plot, fontPx] = useFontPx<HTMLDivElement>(14)
  const totals = HOURLY_SERIES.map((series) => ({
    ...series,
    total: buckets.reduce((sum, bucket) => sum + bucket[series.key], 0),
  }))
  const summary = totals.map((t) => `${t.total} ${t.label.toLowerCase()}`).join(', ')
  return (
    <section className="wall-chart" aria-labelledby="wall-chart-title">
      <div className="wall-panel__head">
        <h2 id="wall-chart-title">Sessions per hour, last 24 h</h2>
      </div>
      <div
        ref={plot}
        className="wall-chart__plot"
        role="img"
        aria-label={`Sessions per hour over the last 24 hours: ${summary}`}
      >
        <Suspense fallback={<div className="skeleton wall-chart__loading" />}>
          <HourlyChart buckets={buckets} fontPx={fontPx} />
        </Suspense>
      </div>
      <ul className="wall-chart__legend">
        {totals.map((t) => (
          <li key={t.key} className={`wall-legend wall-legend--${t.tone}`}>
            <StatusIcon tone={t.tone} />
            {t.label} <strong>{t.total}</strong>
          </li>
        ))}
      </ul>
    </section>
  )
})
