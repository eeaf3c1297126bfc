import type { ReplicaSessionRecord } from '../data/records.ts'
import { isRecent, itemReply, listReply } from './collection-reply.ts'
import { notFound } from './em-error.ts'
import { readFormat } from './query-params.ts'
import type { EmReply, RouteCall } from './route.ts'

/** Looks up the session named by the first `:id` of the path, any stored one (no 30-day window); else 404. */
export function sessionOf(call: RouteCall): ReplicaSessionRecord {
  const id = call.ids[0] ?? ''
  const session = call.ctx.store.sessionById(id)
  if (session === undefined) throw notFound(`Replica job session '${id}' was not found.`)
  return session
}

/** `GET /api/replicaSessions[?format=Entity]`: sessions of the last 30 days (em-api.md §6.6). */
export function getReplicaSessions(call: RouteCall): EmReply {
  const format = readFormat(call.params)
  const now = call.ctx.now()
  const items = call.ctx.store.sessions.filter((session) => isRecent(session.creationTime, now))
  return listReply(format, { type: 'ReplicaJobSession', items })
}

/** `GET /api/replicaSessions/{id}[?format=Entity]`: reference or entity of any stored session. */
export function getReplicaSession(call: RouteCall): EmReply {
  const session = sessionOf(call)
  return itemReply(readFormat(call.params), { type: 'ReplicaJobSession', item: session })
}
