import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { ActionSlot } from '@/components/action-slot.tsx'
import { DefinitionList } from '@/components/definition-list.tsx'
import { LocalTime } from '@/components/local-time.tsx'
import { isRoleRefusal, roleNeedOf, rolesInWords } from '@/em/em-roles.ts'
import { jobQueries } from '@/em/job-queries.ts'
import type { EmLink } from '@/em/link-schema.ts'
import type { SessionJob } from '@/em/session-jobs.ts'
import { LinkedCard } from '@/features/session-detail/linked-card.tsx'
import { QueryView } from '@/features/session-detail/query-view.tsx'

const WHAT = 'the job'

const yesNo = (value: boolean) => (value ? 'Yes' : 'No')

/**
 * The job behind the session's Up JobReference link; `sessionJob` is the job as the session names it (JobName,
 * JobUid): what is known without reading `/jobs`.
 */
export function JobCard({
  link,
  sessionJob,
  server,
}: {
  link: EmLink | undefined
  sessionJob: SessionJob
  /** The session's Up BackupServerReference link: the job's actions collect from it. */
  server: EmLink | undefined
}) {
  return (
    <LinkedCard card="job" link={link} what={WHAT} expects="Up JobReference">
      {(found) => <JobBody href={found.href} sessionJob={sessionJob} server={server} />}
    </LinkedCard>
  )
}

function JobBody({
  href,
  sessionJob,
  server,
}: {
  href: string
  sessionJob: SessionJob
  server: EmLink | undefined
}) {
  const query = useQuery(jobQueries.detail(href))
  // Filled by the app's layout (the wall has none): Start, Stop, Retry and Collect, or the role's reason why not.
  const actions = (
    <ActionSlot
      place="detail"
      jobHref={href}
      serverHref={server?.href ?? null}
      jobName={sessionJob.name}
      jobUid={sessionJob.uid}
      serverName={server?.name ?? null}
    />
  )
  // A Portal User may read sessions but not jobs (em-api.md §10): say which role this card needs, not an error.
  if (query.data === undefined && isRoleRefusal(query.error)) {
    const roles = rolesInWords(roleNeedOf(query.error.path)?.roles ?? ['Portal Administrator'])
    return (
      <>
        <p className="card__note" role="status">
          Job details need the Enterprise Manager role {roles}; this account may not read jobs.
        </p>
        <DefinitionList items={[{ label: 'Name (from the session)', value: <bdi>{sessionJob.name}</bdi> }]} />
        <AllSessions jobUid={sessionJob.uid} />
        {actions}
      </>
    )
  }
  return (
    <QueryView query={query} what={WHAT} lines={5}>
      {(job) => (
        <>
          <DefinitionList
            items={[
              { label: 'Name', value: <bdi>{job.name}</bdi> },
              { label: 'Type', value: job.jobType },
              { label: 'Platform', value: job.platform || '—' },
              { label: 'Description', value: job.description ? <bdi>{job.description}</bdi> : '—' },
              { label: 'Schedule configured', value: yesNo(job.scheduleConfigured) },
              { label: 'Schedule enabled', value: yesNo(job.scheduleEnabled) },
              { label: 'Next run', value: <LocalTime ms={job.nextRun} fallback="Not scheduled" /> },
            ]}
          />
          <AllSessions jobUid={job.uid} />
          {actions}
        </>
      )}
    </QueryView>
  )
}

function AllSessions({ jobUid }: { jobUid: string }) {
  return (
    <p className="card__footer">
      <Link to="/sessions" search={{ jobUid }}>
        All sessions of this job
      </Link>
    </p>
  )
}
