import { useQuery } from '@tanstack/react-query'
import { lazy, Suspense } from 'react'
import { Card } from '@/components/card.tsx'
import { ErrorBoundary } from '@/components/error-boundary.tsx'
import { ErrorState } from '@/components/error-state.tsx'
import type { ReplicaJobSession } from '@/em/parse-session.ts'
import { sessionQueries } from '@/em/session-queries.ts'
import { describeFailure } from '@/features/session-detail/describe-failure.ts'
import { QueryView } from '@/features/session-detail/query-view.tsx'
import { useNow } from '@/lib/use-now.ts'
import { DeviationNote } from './deviation-note.tsx'
import { BASELINE_RUNS } from './duration-deviation.ts'
import { HistoryLegend } from './history-legend.tsx'
import { toHistoryPoints } from './history-series.ts'
import { HistoryTable } from './history-table.tsx'

// Recharts is large; it loads when this card first renders, not with the first screen.
const JobHistoryChart = lazy(() =>
  import('./job-history-chart.tsx').then((module) => ({ default: module.JobHistoryChart })),
)

export const HISTORY_RUNS = 30

/** The job's last 30 runs as a chart, this session marked, and this run against the usual duration. */
export function JobHistory({ session }: { session: ReplicaJobSession }) {
  const history = useQuery(sessionQueries.history(session.jobUid, HISTORY_RUNS))
  // The baseline is read on its own: this session may be older than the last 30 runs.
  const earlier = useQuery({
    ...sessionQueries.list({
      filter: { jobUid: session.jobUid, results: ['Success'], creationTo: session.creationTime },
      sort: { field: 'CreationTime', dir: 'desc' },
      page: 1,
      pageSize: BASELINE_RUNS + 1,
    }),
    select: (page) => page.items,
  })
  return (
    <Card title={`Job history: last ${HISTORY_RUNS} runs`} id="history" className="detail-history">
      <ErrorBoundary
        fallback={(error, reset) => {
          const words = describeFailure(error, 'the job history')
          return <ErrorState title={words.title} detail={words.detail} onRetry={reset} />
        }}
      >
        <div className="detail-history__body">
          <div className="detail-history__chart">
            <QueryView query={history} what="the job history" lines={6}>
              {(runs) => <HistoryFigure runs={runs} session={session} />}
            </QueryView>
          </div>
          <QueryView query={earlier} what="the earlier successful runs" lines={3}>
            {(runs) => <DeviationNote session={session} earlier={runs} />}
          </QueryView>
        </div>
      </ErrorBoundary>
    </Card>
  )
}

function HistoryFigure({
  runs,
  session,
}: {
  runs: readonly ReplicaJobSession[]
  session: ReplicaJobSession
}) {
  const now = useNow(5000)
  const points = toHistoryPoints(runs, session, now)
  const mark = points.find((point) => point.isThis)
  const caption = mark
    ? `Duration of the job's last ${points.length} runs, oldest left. This session is run ${mark.index} of ${points.length}.`
    : `Duration of the job's last ${points.length} runs, oldest left. This session is older and not among them.`
  return (
    <figure className="detail-figure">
      <figcaption>{caption}</figcaption>
      <Suspense fallback={<div className="skeleton detail-chart-placeholder" />}>
        <JobHistoryChart points={points} />
      </Suspense>
      <HistoryLegend points={points} />
      <HistoryTable points={points} />
    </figure>
  )
}
