import { useMemo } from 'react'
import type { ProtectionState } from '@/em/protection/use-protection.ts'
import { HourlyPanel } from './hourly-panel.tsx'
import { rowsPerPage } from './list-pages.ts'
import type { WallOptions } from './search-params.ts'
import { SessionList } from './session-list.tsx'
import { clockTime } from './wall-header.tsx'
import type { WallQueries } from './wall-queries.ts'
import { WallTiles } from './wall-tiles.tsx'
import { type WallAnswers, wallView } from './wall-view.ts'

export interface WallBodyProps {
  answers: WallAnswers
  /** The protection view's rows and state, for the "VMs out of RPO" tile. */
  protection: ProtectionState
  queries: WallQueries
  options: WallOptions
  /** The clock, for ages and page rotation. */
  now: number
  /** A coarser clock for the derived view, so tiles and chart are not recomputed every second. */
  viewNow: number
}

/** Tiles, the rotating session list and the hourly chart, from the last good answers. */
export function WallBody({ answers, protection, queries, options, now, viewNow }: WallBodyProps) {
  const { recent, running, jobRecent, jobs, jobsRefused } = answers
  const view = useMemo(
    () => wallView({ recent, running, jobRecent, jobs, jobsRefused }, queries, { now: viewNow }),
    [recent, running, jobRecent, jobs, jobsRefused, queries, viewNow],
  )
  return (
    <main className="wall-main">
      <WallTiles view={view} protection={protection} rpoHours={options.rpoMs / 3_600_000} now={now} />
      <div className="wall-panels">
        <SessionList
          sessions={view.list}
          now={now}
          rotateMs={options.rotateMs}
          rowsPerPage={rowsPerPage(options.scale)}
        />
        {options.density === 'full' ? <HourlyPanel sessions={view.day} now={viewNow} /> : null}
      </div>
      {view.partialSince !== null ? (
        <p className="wall-note">
          EM returned its newest {recent.items.length} sessions only: counts start at{' '}
          {clockTime(view.partialSince)}.
        </p>
      ) : null}
    </main>
  )
}
