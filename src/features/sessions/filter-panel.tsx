import { useId, useState } from 'react'
import { MultiSelect } from '@/components/multi-select.tsx'
import { TextField } from '@/components/text-field.tsx'
import { KNOWN_RESULTS, KNOWN_STATES } from '@/em/session-status.ts'
import { type SessionSearch, sessionSearchFields } from '@/em/session-url-filter.ts'
import { AdvancedFilter } from './advanced-filter.tsx'
import { filterBindings as bind, type RetryChoice, type SearchPatch, uidProblem } from './filter-bindings.ts'
import { JobNameFilter } from './job-name-filter.tsx'
import { ServerNameFilter } from './server-name-filter.tsx'
import { TimeRangeFilter } from './time-range-filter.tsx'

const STATE_OPTIONS = KNOWN_STATES.map((state) => ({ value: state, label: state }))
const RESULT_OPTIONS = KNOWN_RESULTS.map((result) => ({ value: result, label: result }))

export interface FilterPanelProps {
  search: SessionSearch
  onFilter: (patch: SearchPatch) => void
  onClear: () => void
}

// A time filter counts once, whether a window or a from/to pair; sort, page and the like are not filters.
function activeFilterCount(search: SessionSearch): number {
  const set = new Set<string>()
  for (const [key, value] of Object.entries(search)) {
    if (!(key in sessionSearchFields) || value === undefined) continue
    if (Array.isArray(value) && value.length === 0) continue
    set.add(key.replace(/(From|To)$/, ''))
  }
  return set.size
}

function toRetry(value: string): RetryChoice {
  return value === 'only' || value === 'exclude' ? value : 'any'
}

/** One control per query parameter of ReplicaJobSession (em-api.md §4.3), each bound to its URL keys. */
export function FilterPanel({ search, onFilter, onClear }: FilterPanelProps) {
  // Folding the panel is a view preference of the moment, not part of what the URL shows.
  const [open, setOpen] = useState(true)
  const gridId = useId()
  const active = activeFilterCount(search)
  return (
    <section className="filters" aria-labelledby="filters-title">
      <div className="filters__head">
        <h2 id="filters-title">Filters</h2>
        <span className="filters__count">{active === 0 ? 'none set' : `${active} set`}</span>
        <button
          type="button"
          className="button button--small"
          aria-expanded={open}
          aria-controls={gridId}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide filters' : 'Show filters'}
        </button>
        <button type="button" className="button button--small" onClick={onClear} disabled={active === 0}>
          Clear filters
        </button>
      </div>
      <div className="filters__grid" id={gridId} hidden={!open}>
        <TextField
          label="Session name"
          value={bind.name.fromSearch(search)}
          onCommit={(text) => onFilter(bind.name.toSearch(text))}
        />
        <JobNameFilter
          value={bind.jobName.fromSearch(search)}
          onCommit={(text) => onFilter(bind.jobName.toSearch(text))}
        />
        <ServerNameFilter
          value={bind.backupServerName.fromSearch(search)}
          onChange={(name) => onFilter(bind.backupServerName.toSearch(name))}
        />
        <label className="field">
          <span className="field__label">Retries</span>
          <select
            className="input"
            value={bind.isRetry.fromSearch(search)}
            onChange={(event) => onFilter(bind.isRetry.toSearch(toRetry(event.target.value)))}
          >
            <option value="any">Any</option>
            <option value="only">Only retries</option>
            <option value="exclude">No retries</option>
          </select>
        </label>
        <label className="field">
          <span className="field__label">Job type</span>
          <select
            className="input"
            value={bind.jobType.fromSearch(search)}
            onChange={(event) =>
              onFilter(bind.jobType.toSearch(event.target.value === 'Replica' ? 'Replica' : 'any'))
            }
          >
            <option value="any">Any</option>
            <option value="Replica">Replica</option>
          </select>
        </label>
        <TextField
          label="Session UID"
          value={bind.uid.fromSearch(search)}
          onCommit={(text) => onFilter(bind.uid.toSearch(text))}
          problem={(text) => uidProblem('ReplicaJobSession', text)}
          placeholder="urn:veeam:ReplicaJobSession:… or GUID"
          spellCheck={false}
        />
        <TextField
          label="Job UID"
          value={bind.jobUid.fromSearch(search)}
          onCommit={(text) => onFilter(bind.jobUid.toSearch(text))}
          problem={(text) => uidProblem('Job', text)}
          placeholder="urn:veeam:Job:… or GUID"
          spellCheck={false}
        />
        <TextField
          label="Backup server UID"
          value={bind.backupServerUid.fromSearch(search)}
          onCommit={(text) => onFilter(bind.backupServerUid.toSearch(text))}
          problem={(text) => uidProblem('BackupServer', text)}
          placeholder="urn:veeam:BackupServer:… or GUID"
          spellCheck={false}
        />
        <MultiSelect
          legend="State"
          options={STATE_OPTIONS}
          selected={bind.state.fromSearch(search)}
          onChange={(states) => onFilter(bind.state.toSearch(states))}
        />
        <MultiSelect
          legend="Result"
          options={RESULT_OPTIONS}
          selected={bind.result.fromSearch(search)}
          onChange={(results) => onFilter(bind.result.toSearch(results))}
        />
        <TimeRangeFilter
          label="Started"
          value={bind.creationTime.fromSearch(search)}
          onChange={(range) => onFilter(bind.creationTime.toSearch(range))}
        />
        <TimeRangeFilter
          label="Ended"
          value={bind.endTime.fromSearch(search)}
          onChange={(range) => onFilter(bind.endTime.toSearch(range))}
        />
        <div className="filters__wide">
          <AdvancedFilter
            value={bind.advanced.fromSearch(search)}
            onCommit={(text) => onFilter(bind.advanced.toSearch(text))}
          />
        </div>
      </div>
    </section>
  )
}
