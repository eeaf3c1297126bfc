import { itemReply, listReply } from './collection-reply.ts'
import { notFound } from './em-error.ts'
import { readFormat } from './query-params.ts'
import type { EmReply, RouteCall } from './route.ts'

/** `GET /api/backupServers[?format=Entity]`: every backup server EM manages. */
export function getBackupServers(call: RouteCall): EmReply {
  return listReply(readFormat(call.params), { type: 'BackupServer', items: call.ctx.store.servers })
}

/** `GET /api/backupServers/{id}[?format=Entity]` (em-api.md §6.3). */
export function getBackupServer(call: RouteCall): EmReply {
  const id = call.ids[0] ?? ''
  const server = call.ctx.store.serverById(id)
  if (server === undefined) throw notFound(`Backup server '${id}' was not found.`)
  return itemReply(readFormat(call.params), { type: 'BackupServer', item: server })
}
