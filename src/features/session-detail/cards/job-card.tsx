import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { DefinitionList } from '@/components/definition-list.tsx'
import { LocalTime } from '@/components/local-time.tsx'
import { jobQueries } from '@/em/job-queries.ts'
import type { EmLink } from '@/em/link-schema.ts'
import { LinkedCard } from '@/features/session-detail/linked-card.tsx'
import { QueryView } from '@/features/session-detail/query-view.tsx'

const WHAT = 'the job'

const yesNo = (value: boolean) => (value ? 'Yes' : 'No')

/** The job behind the session's Up JobReference link. */
export function JobCard({ link }: { link: EmLink | undefined }) {
  return (
    <LinkedCard card="job" link={link} what={WHAT} expects="Up JobReference">
      {(found) => <JobBody href={found.href} />}
    </LinkedCard>
  )
}

function JobBody({ href }: { href: string }) {
  const query = useQuery(jobQueries.detail(href))
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
          <p className="card__footer">
            <Link to="/sessions" search={{ jobUid: job.uid }}>
              All sessions of this job
            </Link>
          </p>
        </>
      )}
    </QueryView>
  )
}
