// Records tagged with their EM type, and the writers for each type.

import type {
  BackupServerRecord,
  JobRecord,
  ReplicaPointRecord,
  ReplicaRecord,
  ReplicaSessionRecord,
  TaskSessionRecord,
} from '../data/records.ts'
import { serverJson, serverRef, serverXml } from './backup-server.ts'
import { jobJson, jobRef, jobXml } from './job.ts'
import type { JsonObject } from './json-value.ts'
import type { RefShape } from './reference.ts'
import { replicaJson, replicaRef, replicaXml } from './replica.ts'
import { pointJson, pointRef, pointXml } from './replica-point.ts'
import { sessionJson, sessionRef, sessionXml } from './replica-session.ts'
import type { SerializeContext } from './serialize-context.ts'
import { taskJson, taskRef, taskXml } from './task-session.ts'

interface RecordOf {
  ReplicaJobSession: ReplicaSessionRecord
  ReplicaTaskSession: TaskSessionRecord
  Job: JobRecord
  BackupServer: BackupServerRecord
  VmReplicaPoint: ReplicaPointRecord
  Replica: ReplicaRecord
}

export type EmEntityType = keyof RecordOf

export type TypedItems = { [T in EmEntityType]: { type: T; items: readonly RecordOf[T][] } }[EmEntityType]
export type TypedItem = { [T in EmEntityType]: { type: T; item: RecordOf[T] } }[EmEntityType]

export interface EntityWriter<R> {
  /** The list element / JSON key of a collection of this type, e.g. ReplicaJobSessions. */
  plural: string
  xml(record: R, ctx: SerializeContext, indent: string, namespaces?: string): string
  json(record: R, ctx: SerializeContext): JsonObject
  ref(record: R, ctx: SerializeContext): RefShape
}

const WRITERS: { [T in EmEntityType]: EntityWriter<RecordOf[T]> } = {
  ReplicaJobSession: { plural: 'ReplicaJobSessions', xml: sessionXml, json: sessionJson, ref: sessionRef },
  ReplicaTaskSession: { plural: 'ReplicaTaskSessions', xml: taskXml, json: taskJson, ref: taskRef },
  Job: { plural: 'Jobs', xml: jobXml, json: jobJson, ref: jobRef },
  BackupServer: { plural: 'BackupServers', xml: serverXml, json: serverJson, ref: serverRef },
  // mapping_link_types_to_xml_schema: VmReplicaPointList ↔ <VmReplicaPoints>, ReplicaList ↔ <Replicas> (§11).
  VmReplicaPoint: { plural: 'VmReplicaPoints', xml: pointXml, json: pointJson, ref: pointRef },
  Replica: { plural: 'Replicas', xml: replicaXml, json: replicaJson, ref: replicaRef },
}

/** Calls `use` with the writer that matches the records' type. */
export function withWriter<Out>(
  data: TypedItems,
  use: <R>(writer: EntityWriter<R>, items: readonly R[]) => Out,
): Out {
  switch (data.type) {
    case 'ReplicaJobSession':
      return use(WRITERS.ReplicaJobSession, data.items)
    case 'ReplicaTaskSession':
      return use(WRITERS.ReplicaTaskSession, data.items)
    case 'Job':
      return use(WRITERS.Job, data.items)
    case 'BackupServer':
      return use(WRITERS.BackupServer, data.items)
    case 'VmReplicaPoint':
      return use(WRITERS.VmReplicaPoint, data.items)
    case 'Replica':
      return use(WRITERS.Replica, data.items)
  }
}

/** A single tagged record as a one-item list, for the writers. */
export function asItems(data: TypedItem): TypedItems {
  switch (data.type) {
    case 'ReplicaJobSession':
      return { type: data.type, items: [data.item] }
    case 'ReplicaTaskSession':
      return { type: data.type, items: [data.item] }
    case 'Job':
      return { type: data.type, items: [data.item] }
    case 'BackupServer':
      return { type: data.type, items: [data.item] }
    case 'VmReplicaPoint':
      return { type: data.type, items: [data.item] }
    case 'Replica':
      return { type: data.type, items: [data.item] }
  }
}

/** The collection element / key of the records' type, e.g. ReplicaJobSessions. */
export function pluralOf(data: TypedItems): string {
  return WRITERS[data.type].plural
}
