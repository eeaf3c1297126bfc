// Replica entities (em-api.md §11.4): a replication job's replicas, with the platform (the points carry none).
import { z } from '@/lib/zod.ts'
import { idFromUid } from './link-resolver.ts'
import { linksSchema } from './link-schema.ts'
import { type Page, queryPageOf } from './page-schema.ts'
import { optionalText, parseWith } from './schemas.ts'
import { upReference } from './up-reference.ts'

export interface Replica {
  uid: string
  id: string
  /** The job's name in every doc example (§11.1): the join to jobs and task sessions. */
  name: string
  /** Raw: VMware | Hyperv (HyperV) | vCloud | anything else. */
  platform: string
  backupServerUid: string | null
  backupServerName: string | null
}

const replicaSchema = z.pipe(
  z.object({ UID: z.string(), Name: z.string(), Links: linksSchema, Platform: optionalText }),
  z.transform((raw): Replica => {
    const server = upReference(raw.Links, 'BackupServerReference', {
      kind: 'BackupServer',
      segment: 'backupServers',
    })
    return {
      uid: raw.UID,
      id: idFromUid(raw.UID),
      name: raw.Name,
      platform: raw.Platform,
      backupServerUid: server.uid,
      backupServerName: server.name,
    }
  }),
)

const replicasPageSchema = queryPageOf('Entities', { plural: 'Replicas', singular: 'Replica' }, replicaSchema)

/** A QueryResult `type=Replica&format=Entities` page → Page<Replica>. */
export function parseReplicasPage(doc: unknown): Page<Replica> {
  return parseWith(replicasPageSchema, doc, 'page of Replicas')
}
