import type { ReplicaRecord } from '../data/records.ts'
import { fieldTable } from './field-def.ts'
import { jobById } from './replica-lookup.ts'

/** Replica fields of em-api.md §11.4: no backup-server filter exists. */
export const REPLICA_FIELDS = fieldTable<ReplicaRecord>('Replica', [
  { kind: 'UidType', name: 'UID', prefix: 'urn:veeam:Replica:', id: (r) => r.id },
  { kind: 'String', name: 'Name', get: (r) => r.name },
  { kind: 'UidType', name: 'JobUid', prefix: 'urn:veeam:Job:', id: (r) => r.jobId },
  { kind: 'String', name: 'JobName', get: (r, source) => jobById(source, r.jobId)?.name ?? '' },
  { kind: 'UidType', name: 'RepositoryUid', prefix: 'urn:veeam:Repository:', id: (r) => r.repositoryId },
  { kind: 'String', name: 'RepositoryName', get: (r) => r.repositoryName },
])
