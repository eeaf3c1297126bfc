import type {
  BackupServerRecord,
  IncludeRecord,
  JobRecord,
  ReplicaPointRecord,
  ReplicaRecord,
  ReplicaSessionRecord,
  TaskSessionRecord,
} from '../data/records.ts'

/** What the query engine reads; the store implements it. `version` must change whenever any record changes. */
export interface QuerySource {
  servers: readonly BackupServerRecord[]
  jobs: readonly JobRecord[]
  sessions: readonly ReplicaSessionRecord[]
  tasks: readonly TaskSessionRecord[]
  // Optional: sources that predate replicas (hand-built test sources) simply have none.
  replicas?: readonly ReplicaRecord[]
  /** Retention-deleted points stay until compaction, marked `deleted`: the VmReplicaPoint query skips them. */
  points?: readonly ReplicaPointRecord[]
  includes?: readonly IncludeRecord[]
  sessionById(id: string): ReplicaSessionRecord | undefined
  version: number
}

/** How a running session's EndTimeUTC is written (em-api.md §7); filters see the value as written. */
export type EndTimeMode = 'sentinel' | 'empty' | 'absent'

interface QueryRecordMap {
  ReplicaJobSession: ReplicaSessionRecord
  ReplicaTaskSession: TaskSessionRecord
  Job: JobRecord
  BackupServer: BackupServerRecord
  VmReplicaPoint: ReplicaPointRecord
  Replica: ReplicaRecord
  ObjectInJob: IncludeRecord
}

/** The `type` values of `/api/query` the emulator answers with data (em-api.md §4.1). */
export type QueryType = keyof QueryRecordMap

export type QueryRecordOf<T extends QueryType> = QueryRecordMap[T]
