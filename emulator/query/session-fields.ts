import { JOB_TYPES, RESULTS, type ReplicaSessionRecord, SESSION_STATES } from '../data/records.ts'
import { fieldTable } from './field-def.ts'

/** ReplicaJobSession fields of em-api.md §4.3; Progress is deliberately missing (not queryable). */
export const SESSION_FIELDS = fieldTable<ReplicaSessionRecord>('ReplicaJobSession', [
  { kind: 'UidType', name: 'UID', prefix: 'urn:veeam:ReplicaJobSession:', id: (s) => s.id },
  { kind: 'String', name: 'Name', get: (s) => s.name },
  // The whole JobType list, so `JobType==Backup` matches nothing rather than failing: EM shares the enum.
  { kind: 'Enum', name: 'JobType', values: JOB_TYPES, get: () => 'Replica' },
  { kind: 'UidType', name: 'JobUid', prefix: 'urn:veeam:Job:', id: (s) => s.jobId },
  { kind: 'String', name: 'JobName', get: (s) => s.jobName },
  {
    kind: 'DateTime',
    name: 'CreationTime',
    aliases: ['CreationTimeUTC'],
    whenNull: 'absent',
    get: (s) => s.creationTime,
  },
  { kind: 'DateTime', name: 'EndTime', aliases: ['EndTimeUTC'], whenNull: 'end-time', get: (s) => s.endTime },
  { kind: 'Enum', name: 'State', values: SESSION_STATES, get: (s) => s.state },
  { kind: 'Enum', name: 'Result', values: RESULTS, get: (s) => s.result },
  { kind: 'Boolean', name: 'IsRetry', get: (s) => s.isRetry },
  {
    kind: 'UidType',
    name: 'BackupServerUid',
    prefix: 'urn:veeam:BackupServer:',
    id: (s) => s.backupServerId,
  },
  { kind: 'String', name: 'BackupServerName', get: (s) => s.backupServerName },
])
