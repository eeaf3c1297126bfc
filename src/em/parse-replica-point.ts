// VmReplicaPoint entities (em-api.md §11.2): when a VM's replica got a restore point. No state, size or job on the
// point: its replica and backup server come from its Up links (found by Rel + Type: Links[0] is Failover, §17.6).
import { addIssue, z } from '@/lib/zod.ts'
import { idFromUid } from './link-resolver.ts'
import { linksSchema } from './link-schema.ts'
import { type Page, queryPageOf } from './page-schema.ts'
import { documentOf, optionalText, parseEmDateTime, parseWith } from './schemas.ts'
import { upReference } from './up-reference.ts'

export interface VmReplicaPoint {
  uid: string
  id: string
  name: string
  /** The VM as EM names it (attribute VmDisplayName); may be the source or the `_replica` name (§18). */
  vmDisplayName: string
  /** Epoch ms of CreationTimeUTC. */
  creationTime: number
  replicaUid: string | null
  /** The Up ReplicaReference link's Name: the job's name in every doc example (§11.1). */
  replicaName: string | null
  backupServerUid: string | null
  backupServerName: string | null
}

const pointSchema = z.pipe(
  z.object({
    UID: z.string(),
    Name: optionalText,
    VmDisplayName: z.string(),
    Links: linksSchema,
    CreationTimeUTC: z.string(),
  }),
  z.transform((raw, ctx): VmReplicaPoint => {
    const creationTime = parseEmDateTime(raw.CreationTimeUTC)
    if (creationTime === null) {
      addIssue(ctx, 'expected a UTC date-time', ['CreationTimeUTC'])
      return z.NEVER
    }
    const replica = upReference(raw.Links, 'ReplicaReference', { kind: 'Replica', segment: 'replicas' })
    const server = upReference(raw.Links, 'BackupServerReference', {
      kind: 'BackupServer',
      segment: 'backupServers',
    })
    return {
      uid: raw.UID,
      id: idFromUid(raw.UID),
      name: raw.Name,
      vmDisplayName: raw.VmDisplayName,
      creationTime,
      replicaUid: replica.uid,
      replicaName: replica.name,
      backupServerUid: server.uid,
      backupServerName: server.name,
    }
  }),
)

// Built once: a protection load parses several pages of 1,000.
const pointsPageSchema = queryPageOf(
  'Entities',
  { plural: 'VmReplicaPoints', singular: 'VmReplicaPoint' },
  pointSchema,
)

/** A QueryResult `type=VmReplicaPoint&format=Entities` page → Page<VmReplicaPoint>. */
export function parsePointsPage(doc: unknown): Page<VmReplicaPoint> {
  return parseWith(pointsPageSchema, doc, 'page of VmReplicaPoints')
}

/** A single VmReplicaPoint entity document → VmReplicaPoint. */
export function parsePoint(doc: unknown): VmReplicaPoint {
  return parseWith(documentOf('VmReplicaPoint', pointSchema), doc, 'VmReplicaPoint')
}
