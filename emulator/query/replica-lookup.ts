import type { JobRecord, ReplicaRecord } from '../data/records.ts'
import type { QuerySource } from './query-source.ts'

interface Index<T> {
  version: number
  byId: Map<string, T>
}

const replicaIndexes = new WeakMap<readonly ReplicaRecord[], Index<ReplicaRecord>>()
const NO_REPLICAS: readonly ReplicaRecord[] = []
const jobIndexes = new WeakMap<readonly JobRecord[], Index<JobRecord>>()

function lookup<T extends { id: string }>(
  indexes: WeakMap<readonly T[], Index<T>>,
  records: readonly T[],
  version: number,
  id: string,
): T | undefined {
  let index = indexes.get(records)
  if (index === undefined || index.version !== version) {
    index = { version, byId: new Map(records.map((record) => [record.id, record])) }
    indexes.set(records, index)
  }
  return index.byId.get(id)
}

/** The replica with `id`, through an index rebuilt only when the source version changes. */
export function replicaById(source: QuerySource, id: string): ReplicaRecord | undefined {
  return lookup(replicaIndexes, source.replicas ?? NO_REPLICAS, source.version, id)
}

/** The job with `id`, likewise. */
export function jobById(source: QuerySource, id: string): JobRecord | undefined {
  return lookup(jobIndexes, source.jobs, source.version, id)
}
