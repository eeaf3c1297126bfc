// One editor per filter field, each bound to its URL keys through filter-bindings.ts: the full panel shows them
// all, the bar's popover one at a time (from "Add filter" or a chip), so both edit the URL the same way.
import type { ReactNode } from 'react'
import { MultiSelect } from '@/components/multi-select.tsx'
import { TextField } from '@/components/text-field.tsx'
import { KNOWN_RESULTS, KNOWN_STATES } from '@/em/session-status.ts'
import type { SessionSearch } from '@/em/session-url-filter.ts'
import {
  filterBindings as bind,
  type RetryChoice,
  type SearchPatch,
  uidProblem,
} from '@/features/sessions/filter-bindings.ts'
import { JobNameFilter } from '@/features/sessions/job-name-filter.tsx'
import { ServerNameFilter } from '@/features/sessions/server-name-filter.tsx'
import { TimeRangeFilter } from '@/features/sessions/time-range-filter.tsx'
import type { FilterFieldId } from './filter-chips.ts'

const STATE_OPTIONS = KNOWN_STATES.map((state) => ({ value: state, label: state }))
const RESULT_OPTIONS = KNOWN_RESULTS.map((result) => ({ value: result, label: result }))

export interface FilterEditorProps {
  search: SessionSearch
  onFilter: (patch: SearchPatch) => void
}

function toRetry(value: string): RetryChoice {
  return value === 'only' || value === 'exclude' ? value : 'any'
}

/** One control per query parameter of ReplicaJobSession (em-api.md §4.3), keyed by the bar's field ids. */
export const FILTER_EDITORS: Record<FilterFieldId, (props: FilterEditorProps) => ReactNode> = {
  name: ({ search, onFilter }) => (
    <TextField
      label="Session name"
      value={bind.name.fromSearch(search)}
      onCommit={(text) => onFilter(bind.name.toSearch(text))}
    />
  ),
  job: ({ search, onFilter }) => (
    <JobNameFilter
      value={bind.jobName.fromSearch(search)}
      onCommit={(text) => onFilter(bind.jobName.toSearch(text))}
    />
  ),
  server: ({ search, onFilter }) => (
    <ServerNameFilter
      value={bind.backupServerName.fromSearch(search)}
      onChange={(name) => onFilter(bind.backupServerName.toSearch(name))}
    />
  ),
  retry: ({ search, onFilter }) => (
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
  ),
  jobType: ({ search, onFilter }) => (
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
  ),
  uid: ({ search, onFilter }) => (
    <TextField
      label="Session UID"
      value={bind.uid.fromSearch(search)}
      onCommit={(text) => onFilter(bind.uid.toSearch(text))}
      problem={(text) => uidProblem('ReplicaJobSession', text)}
      placeholder="urn:veeam:ReplicaJobSession:… or GUID"
      spellCheck={false}
    />
  ),
  jobUid: ({ search, onFilter }) => (
    <TextField
      label="Job UID"
      value={bind.jobUid.fromSearch(search)}
      onCommit={(text) => onFilter(bind.jobUid.toSearch(text))}
      problem={(text) => uidProblem('Job', text)}
      placeholder="urn:veeam:Job:… or GUID"
      spellCheck={false}
    />
  ),
  serverUid: ({ search, onFilter }) => (
    <TextField
      label="Backup server UID"
      value={bind.backupServerUid.fromSearch(search)}
      onCommit={(text) => onFilter(bind.backupServerUid.toSearch(text))}
      problem={(text) => uidProblem('BackupServer', text)}
      placeholder="urn:veeam:BackupServer:… or GUID"
      spellCheck={false}
    />
  ),
  state: ({ search, onFilter }) => (
    <MultiSelect
      legend="State"
      options={STATE_OPTIONS}
      selected={bind.state.fromSearch(search)}
      onChange={(states) => onFilter(bind.state.toSearch(states))}
    />
  ),
  result: ({ search, onFilter }) => (
    <MultiSelect
      legend="Result"
      options={RESULT_OPTIONS}
      selected={bind.result.fromSearch(search)}
      onChange={(results) => onFilter(bind.result.toSearch(results))}
    />
  ),
  created: ({ search, onFilter }) => (
    <TimeRangeFilter
      label="Started"
      value={bind.creationTime.fromSearch(search)}
      onChange={(range) => onFilter(bind.creationTime.toSearch(range))}
    />
  ),
  ended: ({ search, onFilter }) => (
    <TimeRangeFilter
      label="Ended"
      value={bind.endTime.fromSearch(search)}
      onChange={(range) => onFilter(bind.endTime.toSearch(range))}
    />
  ),
}

/** The full panel's order, as it always was: text and pickers, then UIDs, then the multi-selects and times. */
export const PANEL_ORDER: readonly FilterFieldId[] = [
  'name',
  'job',
  'server',
  'retry',
  'jobType',
  'uid',
  'jobUid',
  'serverUid',
  'state',
  'result',
  'created',
  'ended',
]
