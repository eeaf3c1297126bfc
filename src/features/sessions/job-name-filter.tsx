import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { TextField } from '@/components/text-field.tsx'
import { isRoleRefusal } from '@/em/em-roles.ts'
import { jobQueries } from '@/em/job-queries.ts'
import { jobsOfSessions } from '@/em/session-jobs.ts'
import { sessionQueries } from '@/em/session-queries.ts'
import type { SessionQuery } from '@/em/session-query-path.ts'

// A Portal User may not read jobs (em-api.md §10); the newest sessions (EM's page cap, §4.1) name the jobs that ran.
const NEWEST_SESSIONS: SessionQuery = {
  filter: {},
  sort: { field: 'CreationTime', dir: 'desc' },
  page: 1,
  pageSize: 1000,
}
const SUGGESTIONS_STALE_MS = 5 * 60_000

export interface JobNameFilterProps {
  value: string
  onCommit: (text: string) => void
}

/** JobName: free text with the replica jobs offered as suggestions (the browser filters them as you type). */
export function JobNameFilter({ value, onCommit }: JobNameFilterProps) {
  const listId = useId()
  // Suggestions only: while they load or if they fail, the field still takes any name.
  const jobs = useQuery({ ...jobQueries.replicaList(), staleTime: SUGGESTIONS_STALE_MS })
  const refused = isRoleRefusal(jobs.error)
  const seen = useQuery({
    ...sessionQueries.list(NEWEST_SESSIONS),
    staleTime: SUGGESTIONS_STALE_MS,
    select: (page) => jobsOfSessions(page.items),
    enabled: refused,
  })
  const listed = refused ? (seen.data ?? []) : (jobs.data?.items ?? [])
  const names = [...new Set(listed.map((job) => job.name))]
  return (
    <>
      <TextField
        label="Job name"
        value={value}
        onCommit={onCommit}
        list={listId}
        autoComplete="off"
        hint={refused ? 'Suggested from recent sessions (jobs not readable)' : undefined}
      />
      <datalist id={listId}>
        {names.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </>
  )
}
