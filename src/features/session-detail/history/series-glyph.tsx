import type { HistoryShape } from './history-series.ts'

// The same five shapes Recharts draws for the series (its Symbols), as small inline SVG for the text legend.
const PATHS: Record<HistoryShape, string> = {
  circle: 'M8 3a5 5 0 1 0 0 10a5 5 0 1 0 0-10z',
  triangle: 'M8 2.5l5.5 10h-11z',
  cross: 'M6 2.5h4v3.5h3.5v4h-3.5v3.5h-4v-3.5h-3.5v-4h3.5z',
  diamond: 'M8 1.5l5 6.5l-5 6.5l-5-6.5z',
  square: 'M3 3h10v10h-10z',
}

/** A series' shape in its colour; decorative, the label next to it names the series. */
export function SeriesGlyph({ shape, color }: { shape: HistoryShape; color: string }) {
  return (
    <svg viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false">
      <path d={PATHS[shape]} style={{ fill: color }} />
    </svg>
  )
}
