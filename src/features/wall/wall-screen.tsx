import { useQuery } from '@tanstack/react-query'
import { type CSSProperties, useMemo } from 'react'
import { dashboardConfigQuery } from '@/config/dashboard-config.ts'
import { isRoleRefusal } from '@/em/em-roles.ts'
import { jobQueries } from '@/em/job-queries.ts'
import { useProtection } from '@/em/protection/use-protection.ts'
import { sessionQueries } from '@/em/session-queries.ts'
import { PAGE_STARTED_AT } from '@/lib/page-start.ts'
import { useNow } from '@/lib/use-now.ts'
import { freshnessOf, type PollState, pollIntervalMs } from './freshness.ts'
import { FreshnessBanner } from './freshness-banner.tsx'
import { KioskKeyNotice } from './kiosk-key-notice.tsx'
import { rowsPerPage } from './list-pages.ts'
import { pixelShift } from './pixel-shift.ts'
import { describeFilter, type WallSearch, wallOptions } from './search-params.ts'
import { useIdle } from './use-idle.ts'
import { useReloadOnNewBuild } from './version-reload.ts'
import { WallBody } from './wall-body.tsx'
import { describeWallError } from './wall-error.ts'
import { WallHeader } from './wall-header.tsx'
import { wallQueries } from './wall-queries.ts'
import './wall.css'

const CURSOR_IDLE_MS = 4000
const VERSION_POLL_MS = 60_000
// Tiles, chart and list are recomputed at this step; ages and the clock still tick every second.
const VIEW_STEP_MS = 10_000
const PROTECTION_REFRESH_MS = 300_000
// The protection view's own defaults for what the wall's URL does not set (src/features/protection/search-params.ts).
const PROTECTION_DEFAULTS = { risk: 80, window: 48 } as const

export interface WallScreenProps {
  search: WallSearch
  /** The URL carries a kiosk key: the proxy's wall account reads EM (README "Kiosk setup"). */
  kiosk: boolean
  /** This page moved the key out of an old `?key=` bookmark, which should be updated. */
  keyMovedFromQuery: boolean
}

/** The NOC wall: header, freshness banner, tiles, rotating list and chart, configured only by its URL. */
export function WallScreen({ search, kiosk, keyMovedFromQuery }: WallScreenProps) {
  const options = wallOptions(search)
  const queries = useMemo(() => wallQueries(search), [search])
  const now = useNow(1000)
  const viewNow = Math.floor(now / VIEW_STEP_MS) * VIEW_STEP_MS
  const idle = useIdle(CURSOR_IDLE_MS)
  // Polling never pauses on a wall: nobody focuses the window of an unattended screen.
  const poll = {
    refetchInterval: (query: { state: PollState }) => pollIntervalMs(options.refreshMs, query.state),
    refetchIntervalInBackground: true,
  }
  const recent = useQuery({ ...sessionQueries.list(queries.recent), ...poll })
  const running = useQuery({
    ...sessionQueries.list(queries.running),
    ...poll,
    enabled: queries.runningPossible,
  })
  const jobRecent = useQuery({ ...sessionQueries.list(queries.jobRecent), ...poll })
  const jobs = useQuery({ ...jobQueries.replicaList(), ...poll })
  // A Portal User may not read jobs (em-api.md §10): the job tiles then use the jobs that sessions name, and
  // the refusal is a footnote, not a failing refresh. The query keeps asking, so a role change shows up by itself.
  const jobsRefused = isRoleRefusal(jobs.error)
  // The "VMs out of RPO" tile: the protection view's computation at the wall's RPO. EM collects every 15 minutes
  // (em-api.md §15): its replica points are read every 5 minutes at most, whatever the wall's refresh.
  const protection = useProtection({
    rpoHours: search.rpo,
    riskPercent: PROTECTION_DEFAULTS.risk,
    windowHours: PROTECTION_DEFAULTS.window,
    refetchInterval: Math.max(options.refreshMs, PROTECTION_REFRESH_MS),
    background: true,
    // The wall's own tiles first: the protection pages are many and large.
    enabled: recent.data !== undefined,
  })
  const config = useQuery(dashboardConfigQuery)

  const polled = [
    recent,
    ...(queries.runningPossible ? [running] : []),
    jobRecent,
    ...(jobsRefused ? [] : [jobs]),
  ]
  const freshness = freshnessOf({
    states: polled,
    fetching: polled.some((q) => q.isFetching),
    refreshMs: options.refreshMs,
    now,
    // A kiosk wall's answers come from the proxy's shared copy, up to one interval old before it is refreshed.
    sharedCopyMs: kiosk ? options.refreshMs : 0,
    pageStartedAt: PAGE_STARTED_AT,
  })
  const failure = polled.find((q) => q.status === 'error')?.error
  useReloadOnNewBuild({
    pollMs: VERSION_POLL_MS,
    emHealthy: recent.data !== undefined && !freshness.failing && !freshness.stale,
  })

  const shift = pixelShift(now)
  const style = {
    '--wall-scale': String(options.scale),
    '--wall-rows': String(rowsPerPage(options.scale)),
  } as CSSProperties
  return (
    <div
      className="wall"
      data-theme={options.theme}
      data-density={options.density}
      data-idle={idle ? 'true' : undefined}
      style={style}
    >
      <div className="wall__frame" style={{ translate: `${shift.x}px ${shift.y}px` }}>
        <WallHeader
          emName={config.data?.emHost ?? 'Enterprise Manager'}
          scope={describeFilter(search)}
          kiosk={kiosk}
          freshness={freshness}
          now={now}
        />
        <div className="wall-alerts">
          <FreshnessBanner
            freshness={freshness}
            problem={failure ? describeWallError(failure, kiosk) : null}
            now={now}
          />
          {keyMovedFromQuery ? <KioskKeyNotice /> : null}
        </div>
        {recent.data ? (
          <WallBody
            answers={{
              recent: recent.data,
              running: queries.runningPossible ? running.data : undefined,
              jobRecent: jobRecent.data,
              jobs: jobs.data,
              jobsRefused,
            }}
            protection={protection}
            queries={queries}
            options={options}
            now={now}
            viewNow={viewNow}
          />
        ) : (
          <main className="wall-main wall-main--waiting">
            <p>{recent.error ? 'No data yet.' : 'Connecting to Enterprise Manager…'}</p>
          </main>
        )}
        <footer className="wall-footer">
          Enterprise Manager collects from the backup servers every 15 minutes (by default), so new sessions,
          progress and results can be up to 15 minutes behind. Refresh every {search.refresh} s; pages turn
          every {search.rotate} s.
          {jobsRefused ? (
            <span>
              {' '}
              Reduced: jobs not readable by this account, so the job tiles count only jobs seen in sessions.
            </span>
          ) : null}
          {config.data && config.data.version !== 'unknown' ? ` Dashboard ${config.data.version}.` : null}
        </footer>
      </div>
    </div>
  )
}
