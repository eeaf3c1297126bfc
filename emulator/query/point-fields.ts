import type { ReplicaPointRecord } from '../data/records.ts'
import { fieldTable } from './field-def.ts'
import { replicaById } from './replica-lookup.ts'
import { serverById } from './server-lookup.ts'

// em-api.md §11.3: the filter name `Type` reads the `PointType` element; replica and server fields come from the
// point's Up links. Type and Algorithm are documented as String, so they compare as strings.
/** VmReplicaPoint fields of em-api.md §11.3. */
export const POINT_FIELDS = fieldTable<ReplicaPointRecord>('VmReplicaPoint', [
  { kind: 'UidType', name: 'UID', prefix: 'urn:veeam:VmReplicaPoint:', id: (p) => p.id },
  { kind: 'String', name: 'Name', get: (p) => p.name },
  {
    kind: 'DateTime',
    name: 'CreationTime',
    aliases: ['CreationTimeUTC'],
    whenNull: 'absent',
    get: (p) => p.creationTime,
  },
  { kind: 'String', name: 'Type', aliases: ['PointType'], get: (p) => p.pointType },
  { kind: 'String', name: 'Algorithm', get: (p) => p.algorithm },
  { kind: 'UidType', name: 'ReplicaUid', prefix: 'urn:veeam:Replica:', id: (p) => p.replicaId },
  { kind: 'String', name: 'ReplicaName', get: (p, source) => replicaById(source, p.replicaId)?.name ?? '' },
  { kind: 'String', name: 'VmDisplayName', get: (p) => p.vmName },
  {
    kind: 'UidType',
    name: 'BackupServerUid',
    prefix: 'urn:veeam:BackupServer:',
    id: (p, source) => replicaById(source, p.replicaId)?.backupServerId ?? '',
  },
  {
    kind: 'String',
    name: 'BackupServerName',
    get: (p, source) =>
      serverById(source, replicaById(source, p.replicaId)?.backupServerId ?? '')?.name ?? '',
  },
])
