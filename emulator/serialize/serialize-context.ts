import type {
  BackupServerRecord,
  IncludeRecord,
  JobRecord,
  ReplicaRecord,
  ReplicaSessionRecord,
} from '../data/records.ts'
import type { EndTimeMode } from '../query/query-source.ts'

export type TaskPathSpelling = 'replicaTaskSessions' | 'repicaTaskSessions'

/** Records a serializer needs besides the one it writes: a task's parent session, a job's backup server. */
export interface RecordLookup {
  sessionById(id: string): ReplicaSessionRecord | undefined
  serverById(id: string): BackupServerRecord | undefined
  jobById(id: string): JobRecord | undefined
  // Optional: a lookup without them writes points without their replica's links and jobs with an empty JobInfo.
  replicaById?(id: string): ReplicaRecord | undefined
  includesOfJob?(jobId: string): IncludeRecord[]
}

/** Everything the entity writers share for one response. */
export interface SerializeContext {
  /** The public base URL, ending in `/api/`; every Href starts with it (em-api.md §1). */
  base: string
  endTimeMode: EndTimeMode
  taskPathSpelling: TaskPathSpelling
  lookup: RecordLookup
}
