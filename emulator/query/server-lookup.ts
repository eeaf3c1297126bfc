import type { BackupServerRecord } from '../data/records.ts'
import type { QuerySource } from './query-source.ts'

interface ServerIndex {
  version: number
  byId: Map<string, BackupServerRecord>
}

const indexes = new WeakMap<readonly BackupServerRecord[], ServerIndex>()

/** The server with `id`, through an index rebuilt only when the source version changes. */
export function serverById(source: QuerySource, id: string): BackupServerRecord | undefined {
  let index = indexes.get(source.servers)
  if (index === undefined || index.version !== source.version) {
    index = { version: source.version, byId: new Map(source.servers.map((server) => [server.id, server])) }
    indexes.set(source.servers, index)
  }
  return index.byId.get(id)
}
