import { keepPreviousData, useQueries } from '@tanstack/react-query'
import { StatusIcon, type StatusTone } from '@/components/status-icon.tsx'
import { sessionQueries } from '@/em/session-queries.ts'
import type { SessionFilter } from '@/em/session-query-path.ts'
import { KNOWN_RESULTS, RUNNING_STATES } from '@/em/session-status.ts'

const RESULT_TONES: Record<(typeof KNOWN_RESULTS)[number], StatusTone> = {
  Success: 'success',
  Warning: 'warning',
  Failed: 'failed',
}

// The filter narrowed to some values of a list key; null when it already excludes all of them (no query needed).
function narrowed(values: readonly string[], chosen: string[] | undefined): string[] | null {
  const allowed = chosen ? values.filter((value) => chosen.includes(value)) : [...values]
  return allowed.length > 0 ? allowed : null
}

function key(filter: SessionFilter): string {
  return JSON.stringify(filter)
}

interface Tile {
  label: string
  tone: StatusTone | null
  filter: SessionFilter | null
}

export interface SummaryStripProps {
  filter: SessionFilter
  refetchInterval: number | false
}

/** Totals for the current filter from cheap count queries (References, one item per page: em-api.md §4.5). */
export function SummaryStrip({ filter, refetchInterval }: SummaryStripProps) {
  const running = narrowed(RUNNING_STATES, filter.states)
  const tiles: Tile[] = [
    { label: 'Sessions', tone: null, filter },
    { label: 'Running', tone: 'running', filter: running && { ...filter, states: running } },
    ...KNOWN_RESULTS.map((result) => {
      const results = narrowed([result], filter.results)
      return { label: result, tone: RESULT_TONES[result], filter: results && { ...filter, results } }
    }),
  ]
  // Tiles may ask the same question (the filter already says Failed): each distinct filter is queried once.
  const distinct = [
    ...new Map(tiles.flatMap((tile) => (tile.filter ? [[key(tile.filter), tile.filter]] : []))).values(),
  ]
  const counts = useQueries({
    // A moving window asks new keys at each refresh: the last counts stay until the new ones arrive.
    queries: distinct.map((filter) => ({
      ...sessionQueries.count(filter),
      refetchInterval,
      placeholderData: keepPreviousData,
    })),
  })
  const countOf = (filter: SessionFilter) => counts[distinct.findIndex((each) => key(each) === key(filter))]
  return (
    <section className="summary" aria-label="Summary of the filtered sessions">
      <dl className="summary__list">
        {tiles.map((tile) => {
          const count = tile.filter ? countOf(tile.filter) : undefined
          const value = tile.filter === null ? 0 : count?.data
          return (
            <div
              key={tile.label}
              className={tile.tone ? `summary__tile summary__tile--${tile.tone}` : 'summary__tile'}
            >
              <dt>
                {tile.tone ? <StatusIcon tone={tile.tone} /> : null} {tile.label}
              </dt>
              <dd>{value !== undefined ? value.toLocaleString() : count?.isError ? 'n/a' : '…'}</dd>
            </div>
          )
        })}
      </dl>
    </section>
  )
}
