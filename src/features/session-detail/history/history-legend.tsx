import { HISTORY_SERIES, type HistoryPoint, SERIES_ORDER } from './history-series.ts'
import { SeriesGlyph } from './series-glyph.tsx'

/** The chart's legend as text: shape, colour and word per result, with how many runs each, and this session's mark. */
export function HistoryLegend({ points }: { points: readonly HistoryPoint[] }) {
  const present = SERIES_ORDER.filter((key) => points.some((point) => point.series === key))
  return (
    <ul className="detail-legend" aria-label="Legend">
      {present.map((key) => {
        const series = HISTORY_SERIES[key]
        const count = points.filter((point) => point.series === key).length
        return (
          <li key={key}>
            <SeriesGlyph shape={series.shape} color={series.color} /> {series.label} ({count})
          </li>
        )
      })}
      {points.some((point) => point.isThis) ? (
        <li>
          <span className="detail-legend__this" aria-hidden="true" /> This session (ringed, dashed line)
        </li>
      ) : null}
    </ul>
  )
}
