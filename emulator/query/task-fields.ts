import { RESULTS, TASK_STATES, type TaskSessionRecord } from '../data/records.ts'
import { fieldTable } from './field-def.ts'

// Job and server fields are not on the task: they come from the parent session (em-api.md §4.3).
/** ReplicaTaskSession fields of em-api.md §4.3. */
export const TASK_FIELDS = fieldTable<TaskSessionRecord>('ReplicaTaskSession', [
  { kind: 'UidType', name: 'UID', prefix: 'urn:veeam:ReplicaTaskSession:', id: (t) => t.id },
  { kind: 'String', name: 'Name', get: (t) => t.name },
  {
    kind: 'DateTime',
    name: 'CreationTime',
    aliases: ['CreationTimeUTC'],
    whenNull: 'absent',
    get: (t) => t.creationTime,
  },
  { kind: 'DateTime', name: 'EndTime', aliases: ['EndTimeUTC'], whenNull: 'end-time', get: (t) => t.endTime },
  { kind: 'Enum', name: 'State', values: TASK_STATES, get: (t) => t.state },
  { kind: 'Enum', name: 'Result', values: RESULTS, get: (t) => t.result },
  { kind: 'String', name: 'Reason', get: (t) => t.reason },
  { kind: 'Long', name: 'TotalSize', get: (t) => t.totalSize },
  { kind: 'UidType', name: 'JobSessionUid', prefix: 'urn:veeam:ReplicaJobSession:', id: (t) => t.sessionId },
  {
    kind: 'UidType',
    name: 'JobUid',
    prefix: 'urn:veeam:Job:',
    id: (t, source) => source.sessionById(t.sessionId)?.jobId ?? '',
  },
  { kind: 'String', name: 'JobName', get: (t, source) => source.sessionById(t.sessionId)?.jobName ?? '' },
  {
    kind: 'UidType',
    name: 'BackupServerUid',
    prefix: 'urn:veeam:BackupServer:',
    id: (t, source) => source.sessionById(t.sessionId)?.backupServerId ?? '',
  },
  {
    kind: 'String',
    name: 'BackupServerName',
    get: (t, source) => source.sessionById(t.sessionId)?.backupServerName ?? '',
  },
  { kind: 'String', name: 'VmDisplayName', get: (t) => t.vmName },
])
