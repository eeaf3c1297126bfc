import { LocalTime } from '@/components/local-time.tsx'
import { describeDuration, formatDuration } from '@/lib/format-duration.ts'
import { HISTORY_SERIES, type HistoryPoint } from './history-series.ts'
import { SeriesGlyph } from './series-glyph.tsx'

/** The chart's data as a table, folded: the same runs for keyboard and screen-reader users, and for exact values. */
export function HistoryTable({ points }: { points: readonly HistoryPoint[] }) {
  return (
    <details className="detail-history-table">
      <summary>The runs as a table</summary>
      <table className="detail-table">
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">Start</th>
            <th scope="col">Result</th>
            <th scope="col">Duration</th>
          </tr>
        </thead>
        <tbody>
          {[...points].reverse().map((point) => {
            const series = HISTORY_SERIES[point.series]
            return (
              <tr key={point.uid} aria-current={point.isThis ? 'true' : undefined}>
                <td>
                  {point.index}
                  {point.isThis ? <strong> (this session)</strong> : null}
                </td>
                <td>
                  <LocalTime ms={point.start} />
                </td>
                <td>
                  <SeriesGlyph shape={series.shape} color={series.color} /> {series.label}
                </td>
                <td>
                  <span aria-hidden="true">{formatDuration(point.durationMs)}</span>
                  <span className="sr-only">{describeDuration(point.durationMs)}</span>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </details>
  )
}
