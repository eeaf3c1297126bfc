import { ProgressBar } from '@/components/progress-bar.tsx'
import type { StatusTone } from '@/components/status-icon.tsx'
import type { ProtectionState } from '@/em/protection/use-protection.ts'
import { formatAge } from '@/lib/format-time.ts'
import { type OutOfRpo, outOfRpo } from './out-of-rpo.ts'
import { WallTile } from './wall-tile.tsx'
import type { WallView } from './wall-view.ts'

// A tile lists only a few names: the list below has the rest, and more would not read from across a room.
const NAMES_PER_TILE = 3

// Runs, not sessions (issue 14): a failure and its automatic retries are one run; the sessions are said too.
function runsOf(runs: number, sessions: number): string {
  const text = `${runs} ${runs === 1 ? 'run' : 'runs'}`
  return sessions > runs ? `${text} (${sessions} sessions)` : text
}

// A count that is only a lower bound (a Portal User cannot read the jobs' includes, em-api.md §10; some points
// were not looked up) with nothing in it is not "all within RPO": it reads neutral, not green.
function outTone(out: OutOfRpo | null): StatusTone {
  if (!out) return 'idle'
  if (out.rows.length > 0) return 'failed'
  return out.atLeast ? 'idle' : 'success'
}

function outVerdict(out: OutOfRpo | null): string {
  if (!out) return 'reading points'
  if (out.rows.length > 0) return 'VMs unprotected'
  return out.atLeast ? 'none of the VMs seen' : 'all within RPO'
}

export interface WallTilesProps {
  view: WallView
  protection: ProtectionState
  rpoHours: number
  now: number
}

/**
 * The six summary tiles of the wall. The last one counts VMs, not jobs: a job may succeed while a VM of it has no
 * point for days, and a Portal User cannot list jobs at all; the VM count answers what the job tile asked.
 */
export function WallTiles({ view, protection, rpoHours, now }: WallTilesProps) {
  const { counts, running, jobs } = view
  const out = protection.view ? outOfRpo(protection.view, rpoHours, view.scope) : null
  const finished = counts.success + counts.warning + counts.failed
  const worst = counts.failed > 0 ? 'failed' : counts.warning > 0 ? 'warning' : 'success'
  return (
    <div className="wall-tiles">
      <WallTile
        id="wall-running"
        title="Running now"
        value={`${running.length}${view.runningTruncated ? '+' : ''}`}
        tone={running.length > 0 ? 'running' : 'idle'}
        verdict={running.length > 0 ? 'running' : 'none running'}
      >
        <ul className="wall-tile__list">
          {running.slice(0, NAMES_PER_TILE).map((s) => (
            <li key={s.uid} className="wall-tile__running">
              <span className="wall-tile__name">{s.jobName}</span>
              <ProgressBar value={s.progress} running label={`${s.jobName} progress`} />
            </li>
          ))}
        </ul>
        {running.length > NAMES_PER_TILE ? <p>+{running.length - NAMES_PER_TILE} more</p> : null}
      </WallTile>
      <WallTile
        id="wall-failed"
        title="Failed, last 24 h"
        value={String(counts.failed)}
        tone={counts.failed > 0 ? 'failed' : 'success'}
        verdict={counts.failed > 0 ? runsOf(counts.failed, counts.failedSessions) : 'none failed'}
      />
      <WallTile
        id="wall-warning"
        title="Warning, last 24 h"
        value={String(counts.warning)}
        tone={counts.warning > 0 ? 'warning' : 'success'}
        verdict={counts.warning > 0 ? runsOf(counts.warning, counts.warningSessions) : 'no warnings'}
      />
      <WallTile
        id="wall-rate"
        title="Success rate, last 24 h"
        value={view.rate === null ? '—' : `${Math.floor(view.rate * 1000) / 10}\u00a0%`}
        tone={view.rate === null ? 'idle' : worst}
        verdict={view.rate === null ? 'nothing finished' : `${counts.success} of ${finished} runs succeeded`}
      />
      <WallTile
        id="wall-latest-failed"
        title="Jobs whose latest session failed"
        value={jobs ? String(jobs.latestFailed.length) : '—'}
        tone={!jobs ? 'idle' : jobs.latestFailed.length > 0 ? 'failed' : 'success'}
        verdict={!jobs ? 'loading jobs' : jobs.latestFailed.length > 0 ? 'failing jobs' : 'none'}
      >
        <ul className="wall-tile__list">
          {jobs?.latestFailed.slice(0, NAMES_PER_TILE).map(({ job, session }) => (
            <li key={job.uid}>
              <span className="wall-tile__name">{job.name}</span>
              <span className="wall-tile__age">{formatAge(now - session.creationTime)} ago</span>
            </li>
          ))}
        </ul>
      </WallTile>
      <WallTile
        id="wall-vms-rpo"
        title={`VMs out of RPO (${rpoHours} h)`}
        value={out ? `${out.atLeast ? '≥ ' : ''}${out.rows.length}` : '—'}
        tone={outTone(out)}
        verdict={outVerdict(out)}
      >
        <ul className="wall-tile__list">
          {out?.rows.slice(0, NAMES_PER_TILE).map((row) => (
            <li key={row.key}>
              <span className="wall-tile__name">{row.vmName}</span>
              <span className="wall-tile__age">{row.ageMs === null ? 'never' : formatAge(row.ageMs)}</span>
            </li>
          ))}
        </ul>
      </WallTile>
    </div>
  )
}
