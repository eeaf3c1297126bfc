// The emulator's typed records: what EM stores, before serialization.
// Times are integer microseconds since the Unix epoch (EM emits up to 6 fraction digits, em-api.md §6.6).

export const SESSION_STATES = ['Starting', 'Stopping', 'Working', 'Pausing', 'Resuming', 'Stopped'] as const
export type SessionState = (typeof SESSION_STATES)[number]

export const TASK_STATES = ['InProgress', 'Pending', 'Completed'] as const
export type TaskState = (typeof TASK_STATES)[number]

// Documented order Success < Warning < Failed; `None` (running, em-api.md §7) ranks below Success.
export const RESULTS = ['None', 'Success', 'Warning', 'Failed'] as const
export type SessionResult = (typeof RESULTS)[number]

export const JOB_TYPES = ['Backup', 'BackupCopy', 'ImmediateBackupCopy', 'Replica'] as const
export type JobType = (typeof JOB_TYPES)[number]

// Documented `VMware < Hyperv < vCloud`, `CustomPlatform` ranked last (em-api.md §4.3); written `HyperV`.
export const PLATFORMS = ['VMware', 'HyperV', 'vCloud', 'CustomPlatform'] as const
export type Platform = (typeof PLATFORMS)[number]

export type Micros = number

export interface BackupServerRecord {
  id: string
  name: string
  description: string
  ipOrDnsName: string
  port: number
  version: string
  wcfPort: number
  thumbprint: string
}

export interface JobRecord {
  id: string
  name: string
  jobType: JobType
  platform: Platform
  description: string
  scheduleConfigured: boolean
  scheduleEnabled: boolean
  nextRun: Micros | null
  backupServerId: string
  /** Minutes between scheduled runs. */
  intervalMinutes: number
  vmNames: string[]
}

/** A replica: what a replication job keeps of its VMs on the target (em-api.md §11.4); one per job. */
export interface ReplicaRecord {
  id: string
  /** The job's name, as in every doc example (§11.1). */
  name: string
  jobId: string
  backupServerId: string
  platform: Platform
  repositoryId: string
  repositoryName: string
}

export const POINT_ALGORITHMS = ['Full', 'ReversedIncremental', 'Incremental', 'SyntheticFull'] as const
export const POINT_TYPES = ['Full', 'ReverseIncrement', 'Increment', 'Snapshot'] as const

/** A VM replica point (em-api.md §11.2), made by a Success or Warning task; `deleted` once retention drops it. */
export interface ReplicaPointRecord {
  id: string
  name: string
  replicaId: string
  vmName: string
  creationTime: Micros
  algorithm: (typeof POINT_ALGORITHMS)[number]
  pointType: (typeof POINT_TYPES)[number]
  deleted: boolean
}

/** One object of a job's includes (em-api.md §12): a VM, or a container EM does not expand. */
export interface IncludeRecord {
  /** ObjectInJobId: a GUID, also the `UID` filter of query?type=ObjectInJob. */
  id: string
  jobId: string
  name: string
  displayName: string
  /** `urn:<Platform>:<Type>:<root>.<ref>` (§12). */
  hierarchyObjRef: string
  order: number
}

export interface ReplicaSessionRecord {
  id: string
  name: string
  jobId: string
  jobName: string
  backupServerId: string
  backupServerName: string
  creationTime: Micros
  /** null while running: serialized per the end-time mode (sentinel, empty or absent, em-api.md §7). */
  endTime: Micros | null
  state: SessionState
  result: SessionResult
  progress: number
  isRetry: boolean
  failureMessage: string | null
}

export interface TaskSessionRecord {
  id: string
  name: string
  sessionId: string
  vmName: string
  creationTime: Micros
  endTime: Micros | null
  state: TaskState
  result: SessionResult
  reason: string
  totalSize: number
}

export interface LogonSessionRecord {
  sessionId: string
  token: string
  userName: string
  lastUsed: number
}

// EM's own tasks (em-api.md §13.2): an action's progress as EM reports it, not VBR data.
export const TASK_OPERATIONS = ['StartJob', 'StopJob', 'RetryJob', 'CollectingBackupServer'] as const
export type TaskOperation = (typeof TASK_OPERATIONS)[number]
export type ActionTaskState = 'Running' | 'OperationFinished' | 'Finished'

/** A task as EM shows it at one instant. */
export interface TaskView {
  id: string
  state: ActionTaskState
  operation: TaskOperation
  /** Absent while Running (§13.2). */
  result: { success: boolean; message: string } | null
}
