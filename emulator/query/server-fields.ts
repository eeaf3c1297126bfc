import type { BackupServerRecord } from '../data/records.ts'
import { fieldTable } from './field-def.ts'

/** BackupServer fields of em-api.md §4.3 (Version is a String: `9.5` sorts after `11.0`). */
export const SERVER_FIELDS = fieldTable<BackupServerRecord>('BackupServer', [
  { kind: 'UidType', name: 'UID', prefix: 'urn:veeam:BackupServer:', id: (s) => s.id },
  { kind: 'String', name: 'Name', get: (s) => s.name },
  { kind: 'String', name: 'Description', get: (s) => s.description },
  { kind: 'String', name: 'IpOrDnsName', get: (s) => s.ipOrDnsName },
  { kind: 'Long', name: 'Port', get: (s) => s.port },
  { kind: 'String', name: 'Version', get: (s) => s.version },
])
