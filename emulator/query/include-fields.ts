import type { IncludeRecord } from '../data/records.ts'
import { fieldTable } from './field-def.ts'
import { jobById } from './replica-lookup.ts'
import { serverById } from './server-lookup.ts'

// em-api.md §12: `UID` is the bare ObjectInJobId (documented as a plain ID string), not a urn.
/** ObjectInJob fields of em-api.md §12. */
export const INCLUDE_FIELDS = fieldTable<IncludeRecord>('ObjectInJob', [
  { kind: 'String', name: 'UID', get: (i) => i.id },
  { kind: 'String', name: 'Name', get: (i) => i.name },
  { kind: 'UidType', name: 'JobUid', prefix: 'urn:veeam:Job:', id: (i) => i.jobId },
  { kind: 'String', name: 'JobName', get: (i, source) => jobById(source, i.jobId)?.name ?? '' },
  {
    kind: 'UidType',
    name: 'BackupServerUid',
    prefix: 'urn:veeam:BackupServer:',
    id: (i, source) => jobById(source, i.jobId)?.backupServerId ?? '',
  },
  {
    kind: 'String',
    name: 'BackupServerName',
    get: (i, source) => serverById(source, jobById(source, i.jobId)?.backupServerId ?? '')?.name ?? '',
  },
])
