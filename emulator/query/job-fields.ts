import { JOB_TYPES, type JobRecord, PLATFORMS } from '../data/records.ts'
import { fieldTable } from './field-def.ts'
import { serverById } from './server-lookup.ts'

/** Job fields of em-api.md §4.3; a job without a schedule has no NextRun, so it compares as absent. */
export const JOB_FIELDS = fieldTable<JobRecord>('Job', [
  { kind: 'UidType', name: 'UID', prefix: 'urn:veeam:Job:', id: (j) => j.id },
  { kind: 'String', name: 'Name', get: (j) => j.name },
  { kind: 'String', name: 'Description', get: (j) => j.description },
  { kind: 'DateTime', name: 'NextRun', whenNull: 'absent', get: (j) => j.nextRun },
  { kind: 'Enum', name: 'JobType', values: JOB_TYPES, get: (j) => j.jobType },
  { kind: 'Enum', name: 'Platform', values: PLATFORMS, get: (j) => j.platform },
  { kind: 'Boolean', name: 'ScheduleConfigured', get: (j) => j.scheduleConfigured },
  { kind: 'Boolean', name: 'ScheduleEnabled', get: (j) => j.scheduleEnabled },
  {
    kind: 'UidType',
    name: 'BackupServerUid',
    prefix: 'urn:veeam:BackupServer:',
    id: (j) => j.backupServerId,
  },
  {
    kind: 'String',
    name: 'BackupServerName',
    get: (j, source) => serverById(source, j.backupServerId)?.name ?? '',
  },
])
