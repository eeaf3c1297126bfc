import { useQuery } from '@tanstack/react-query'
import type { EmLink } from '@/em/link-schema.ts'
import { sessionQueries } from '@/em/session-queries.ts'
import { isRunning } from '@/em/session-status.ts'
import { LinkedCard } from '@/features/session-detail/linked-card.tsx'
import { QueryView } from '@/features/session-detail/query-view.tsx'
import type { TaskSort, TaskSortKey } from './task-sort.ts'
import { TaskTable } from './task-table.tsx'

const WHAT = 'the VMs of this session'
const LIVE_REFRESH_MS = 5000

export interface TasksCardProps {
  sessionId: string
  link: EmLink | undefined
  /** While the session runs its tasks change too. */
  sessionRunning: boolean
  sort: TaskSort
  onSort: (column: TaskSortKey) => void
}

/** The per-VM task sessions behind the session's Down ReplicaTaskSessionReferenceList link. */
export function TasksCard({ link, ...props }: TasksCardProps) {
  return (
    <LinkedCard
      card="tasks"
      link={link}
      what={WHAT}
      expects="Down ReplicaTaskSessionReferenceList"
      className="detail-tasks-card"
    >
      {(found) => <TasksBody href={found.href} {...props} />}
    </LinkedCard>
  )
}

function TasksBody({
  href,
  sessionId,
  sessionRunning,
  sort,
  onSort,
}: Omit<TasksCardProps, 'link'> & { href: string }) {
  const query = useQuery({
    ...sessionQueries.tasks(sessionId, href),
    // Until every task is final: the session may report Stopped a moment before its last task does.
    refetchInterval: (current) =>
      sessionRunning || current.state.data?.some(isRunning) ? LIVE_REFRESH_MS : false,
  })
  return (
    <QueryView query={query} what={WHAT} lines={5}>
      {(tasks) => <TaskTable tasks={tasks} sort={sort} onSort={onSort} />}
    </QueryView>
  )
}
