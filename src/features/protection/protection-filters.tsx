import { useId } from 'react'
import { MultiSelect } from '@/components/multi-select.tsx'
import { TextField } from '@/components/text-field.tsx'
import { type ProtectionStatus, STATUS_LABELS, STATUSES } from '@/em/protection/protection-types.ts'
import { type ProtectionSearch, WINDOW_HOURS } from './search-params.ts'
import type { SearchPatch } from './use-protection-search.ts'

const RISKS = [50, 60, 70, 80, 90, 95] as const
const WINDOW_LABELS: Record<(typeof WINDOW_HOURS)[number], string> = {
  24: 'Last 24 hours',
  48: 'Last 48 hours',
  72: 'Last 3 days',
  168: 'Last 7 days',
}

function Choice(props: {
  label: string
  value: string
  options: readonly { value: string; label: string }[]
  onChange: (value: string) => void
}) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {props.label}
      </label>
      <select id={id} className="input" value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )
}

const any = (values: readonly string[], what: string) => [
  { value: '', label: `Any ${what}` },
  ...values.map((value) => ({ value, label: value })),
]

export interface ProtectionFiltersProps {
  search: ProtectionSearch
  facets: { jobs: string[]; servers: string[]; platforms: string[] }
  onFilter: (patch: SearchPatch) => void
  onClear: () => void
}

const rpoProblem = (text: string) =>
  /^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= 2184 ? null : 'Whole hours from 1 to 2184'

/** Every control writes the URL; nothing here asks EM (the view filters what it has). */
export function ProtectionFilters({ search, facets, onFilter, onClear }: ProtectionFiltersProps) {
  const text = (value: string) => (value === '' ? undefined : value)
  return (
    <section className="prot-filters" aria-label="Filters">
      <div className="prot-filters__row">
        <TextField
          label="RPO (hours)"
          value={String(search.rpo)}
          inputMode="numeric"
          problem={rpoProblem}
          onCommit={(value) => onFilter({ rpo: Number(value) })}
          className="input prot-filters__number"
        />
        <Choice
          label="At risk from"
          value={String(search.risk)}
          options={RISKS.map((risk) => ({ value: String(risk), label: `${risk} % of the RPO` }))}
          onChange={(value) => onFilter({ risk: Number(value) })}
        />
        <Choice
          label="Runs in the window"
          value={String(search.window)}
          options={WINDOW_HOURS.map((hours) => ({ value: String(hours), label: WINDOW_LABELS[hours] }))}
          onChange={(value) => onFilter({ window: Number(value) })}
        />
        <Choice
          label="Job"
          value={search.job ?? ''}
          options={any(facets.jobs, 'job')}
          onChange={(v) => onFilter({ job: text(v) })}
        />
        <Choice
          label="Backup server"
          value={search.server ?? ''}
          options={any(facets.servers, 'server')}
          onChange={(v) => onFilter({ server: text(v) })}
        />
        <Choice
          label="Platform"
          value={search.platform ?? ''}
          options={any(facets.platforms, 'platform')}
          onChange={(v) => onFilter({ platform: text(v) })}
        />
        <TextField
          label="VM name contains"
          value={search.vm ?? ''}
          onCommit={(value) => onFilter({ vm: text(value) })}
          className="input prot-filters__vm"
        />
      </div>
      <div className="prot-filters__row">
        <MultiSelect<ProtectionStatus>
          legend="Status"
          options={STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] }))}
          selected={search.status ?? []}
          onChange={(selected) => onFilter({ status: selected.length > 0 ? selected : undefined })}
        />
        <button type="button" className="button button--small prot-filters__clear" onClick={onClear}>
          Clear filters
        </button>
      </div>
    </section>
  )
}
