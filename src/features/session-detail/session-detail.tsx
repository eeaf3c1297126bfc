import { useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { ErrorState } from '@/components/error-state.tsx'
import { sessionQueries } from '@/em/session-queries.ts'
import { isRunning } from '@/em/session-status.ts'
import { BackupServerCard } from './cards/backup-server-card.tsx'
import { JobCard } from './cards/job-card.tsx'
import { ReferenceCard } from './cards/reference-card.tsx'
import { describeFailure } from './describe-failure.ts'
import { JobHistory } from './history/job-history.tsx'
import { planLinks } from './link-cards.ts'
import { LinksPanel } from './links-panel.tsx'
import { formatTaskSort, parseTaskSort } from './search-params.ts'
import { SessionFields } from './session-fields.tsx'
import { SessionHeader } from './session-header.tsx'
import { SessionNav } from './session-nav.tsx'
import { DEFAULT_TASK_SORT, type TaskSortKey } from './tasks/task-sort.ts'
import { TasksCard } from './tasks/tasks-card.tsx'
import './session-detail.css'

const route = getRouteApi('/_app/sessions/$id')

// em-api.md §6.6: EM itself may lag by a collection interval; a few seconds keeps a running session live enough.
const LIVE_REFRESH_MS = 5000

// Text columns read naturally A→Z, figures and results worst/biggest first.
const FIRST_DIRECTION: Record<TaskSortKey, 'asc' | 'desc'> = {
  vm: 'asc',
  state: 'asc',
  result: 'desc',
  reason: 'asc',
  size: 'desc',
  start: 'asc',
  end: 'asc',
  duration: 'desc',
}

/** One replica session: what happened, to which VMs and why, where, in which job, and whether that is usual. */
export function SessionDetail() {
  const { id } = route.useParams()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const query = useQuery({
    ...sessionQueries.detail(id),
    refetchInterval: (current) =>
      current.state.data && isRunning(current.state.data) ? LIVE_REFRESH_MS : false,
  })
  const sort = parseTaskSort(search.sort) ?? DEFAULT_TASK_SORT

  function onSort(key: TaskSortKey) {
    const dir = sort.key === key ? (sort.dir === 'asc' ? 'desc' : 'asc') : FIRST_DIRECTION[key]
    // Replace, not push: a re-sorted table is the same page, and Back must still lead to the list in one step.
    void navigate({ search: { sort: formatTaskSort({ key, dir }) }, replace: true, resetScroll: false })
  }

  if (query.data === undefined) {
    if (query.isError) {
      const { title, detail } = describeFailure(query.error, 'this session')
      return <ErrorState title={title} detail={detail} onRetry={() => void query.refetch()} />
    }
    return (
      <div className="skeleton detail-chart-placeholder" role="status" aria-label="Loading the session" />
    )
  }

  const session = query.data
  const plan = planLinks(session.links)
  return (
    <div className="detail">
      <SessionNav session={session} />
      {query.isError ? (
        <p className="notice" role="status">
          Could not refresh this session: {describeFailure(query.error, 'it').detail}
          <button type="button" className="button button--small" onClick={() => void query.refetch()}>
            Retry
          </button>
        </p>
      ) : null}
      <SessionHeader
        session={session}
        updatedAt={query.dataUpdatedAt}
        refreshSeconds={LIVE_REFRESH_MS / 1000}
      />
      <TasksCard
        sessionId={session.id}
        link={plan.cards.tasks}
        sessionRunning={isRunning(session)}
        sort={sort}
        onSort={onSort}
      />
      <JobHistory session={session} />
      <div className="detail-grid">
        <BackupServerCard link={plan.cards.server} />
        <JobCard
          link={plan.cards.job}
          sessionJob={{ uid: session.jobUid, name: session.jobName }}
          server={plan.cards.server}
        />
        <ReferenceCard link={plan.cards.reference} />
      </div>
      <LinksPanel rows={plan.rows} />
      <SessionFields session={session} />
    </div>
  )
}
