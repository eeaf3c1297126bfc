import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { TextField } from '@/components/text-field.tsx'
import { jobQueries } from '@/em/job-queries.ts'

export interface JobNameFilterProps {
  value: string
  onCommit: (text: string) => void
}

/** JobName: free text with the replica jobs offered as suggestions (the browser filters them as you type). */
export function JobNameFilter({ value, onCommit }: JobNameFilterProps) {
  const listId = useId()
  // Suggestions only: while they load or if they fail, the field still takes any name.
  const jobs = useQuery({ ...jobQueries.replicaList(), staleTime: 5 * 60_000 })
  const names = [...new Set((jobs.data?.items ?? []).map((job) => job.name))]
  return (
    <>
      <TextField label="Job name" value={value} onCommit={onCommit} list={listId} autoComplete="off" />
      <datalist id={listId}>
        {names.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </>
  )
}
