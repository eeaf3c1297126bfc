// /protection/vm: one VM's runs in the window (each linking to its job session) and its replica points against
// the RPO line. Reached from a row of /protection; a shared link opens it alone.
import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { lazy, Suspense } from 'react'
import { EmptyState } from '@/components/empty-state.tsx'
import { ErrorState } from '@/components/error-state.tsx'
import { LocalTime } from '@/components/local-time.tsx'
import { describeEmError } from '@/em/describe-error.ts'
import { vmHistoryQueries } from '@/em/protection-queries.ts'
import { formatAge } from '@/lib/format-time.ts'
import { useNow } from '@/lib/use-now.ts'
import type { HistorySearch } from './history-search-params.ts'
import { HistoryTasks } from './history-tasks.tsx'
import { hoursOutOfRpo, pointAges } from './point-ages.ts'
import '@/features/protection/protection.css'

const PointAgeChart = lazy(() =>
  import('./point-age-chart.tsx').then((module) => ({ default: module.PointAgeChart })),
)

const HOUR = 3_600_000

function pointsText(count: number): string {
  if (count === 0) return 'no replica point was made in that time, so it only grows'
  return `it drops to zero at ${count === 1 ? 'the one point' : `each of the ${count} points`} made in that time`
}

export function VmHistory({ search }: { search: HistorySearch }) {
  const { vm, job } = search
  if (vm === undefined || job === undefined)
    return (
      <div className="prot">
        <EmptyState title="This link names no VM and job">
          <Link to="/protection">Back to Protection</Link>
        </EmptyState>
      </div>
    )
  return <History vm={vm} job={job} search={search} />
}

function History({ vm, job, search }: { vm: string; job: string; search: HistorySearch }) {
  const now = useNow(60_000)
  const tasks = useQuery(vmHistoryQueries.tasks(vm, job, search.window))
  const points = useQuery(vmHistoryQueries.points(vm))
  const sessions = useQuery(vmHistoryQueries.sessions(job, search.window))
  // A VM may be in several jobs: only the points of this job's replica (named after the job, em-api.md §11.1).
  const own = (points.data?.items ?? []).filter(
    (point) => (point.replicaName ?? '').toLowerCase() === job.toLowerCase(),
  )
  const from = now - search.window * HOUR
  const inWindow = own.filter((point) => point.creationTime >= from).length
  const steps = pointAges(
    own.map((point) => point.creationTime),
    from,
    now,
  )
  const newest = own[0]?.creationTime ?? null
  const failure = [tasks, points, sessions].find((query) => query.isError)?.error
  return (
    <div className="prot prot-history">
      <nav aria-label="Breadcrumb" className="prot-crumbs">
        <Link to="/protection" search={{ rpo: search.rpo }}>
          Protection
        </Link>{' '}
        › {vm}
      </nav>
      <h1>
        {vm} <span className="prot-muted">in {job}</span>
      </h1>
      <p className="prot-history__lead">
        {search.server ? `${search.server} · ` : ''}RPO {search.rpo} h ·{' '}
        {newest === null ? (
          points.data ? (
            'no replica point at all'
          ) : (
            'reading points…'
          )
        ) : (
          <>
            newest point <LocalTime ms={newest} /> ({formatAge(now - newest)} old)
          </>
        )}
      </p>
      {failure ? (
        <ErrorState
          title="Part of the history could not be read"
          detail={describeEmError(failure, 'EM did not answer').detail}
        />
      ) : null}
      <section className="prot-card" aria-labelledby="prot-points-title">
        <h2 id="prot-points-title">Replica points against the RPO</h2>
        <figure className="prot-figure">
          <figcaption>
            Age of the newest replica point over the last{' '}
            {search.window === 168 ? '7 days' : `${search.window} h`}: {pointsText(inWindow)}; above the
            dashed line the VM was out of its RPO for {hoursOutOfRpo(steps, search.rpo).toFixed(1)} h.
          </figcaption>
          <Suspense fallback={<div className="skeleton prot-chart-placeholder" />}>
            <PointAgeChart steps={steps} rpoHours={search.rpo} />
          </Suspense>
        </figure>
      </section>
      <section className="prot-card" aria-labelledby="prot-runs-title">
        <h2 id="prot-runs-title">Task sessions in the window</h2>
        {tasks.data && sessions.data ? (
          <HistoryTasks tasks={tasks.data.items} sessions={sessions.data.items} />
        ) : tasks.isError || sessions.isError ? null : (
          <p role="status">Reading task sessions…</p>
        )}
      </section>
    </div>
  )
}
