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
