import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { backupServerQueries } from '@/em/backup-server-queries.ts'

export interface ServerNameFilterProps {
  value: string
  onChange: (name: string) => void
}

/** BackupServerName: one of EM's backup servers. */
export function ServerNameFilter({ value, onChange }: ServerNameFilterProps) {
  const id = useId()
  const servers = useQuery({ ...backupServerQueries.list(), staleTime: 5 * 60_000 })
  const names = [...new Set((servers.data?.items ?? []).map((server) => server.name))]
  // A name from a link or an older URL stays selectable even when EM no longer lists it (or has not answered yet).
  if (value && !names.includes(value)) names.unshift(value)
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        Backup server
      </label>
      <select id={id} className="input" value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">Any server</option>
        {names.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
      {servers.isError ? <span className="field__hint">Could not list the servers</span> : null}
    </div>
  )
}
