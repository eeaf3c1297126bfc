import { isRecent, itemReply, listReply } from './collection-reply.ts'
import { notFound } from './em-error.ts'
import { readFormat } from './query-params.ts'
import { sessionOf } from './replica-sessions.ts'
import type { EmReply, RouteCall } from './route.ts'

/**
 * `GET /api/replicaSessions/{id}/replicaTaskSessions` (also the doc's `repicaTaskSessions`): the session's tasks
 * created in the last 30 days (em-api.md §6.1, §6.6).
 */
export function getSessionTasks(call: RouteCall): EmReply {
  const session = sessionOf(call)
  const format = readFormat(call.params)
  const now = call.ctx.now()
  const items = call.ctx.store.tasksOfSession(session.id).filter((task) => isRecent(task.creationTime, now))
  return listReply(format, { type: 'ReplicaTaskSession', items })
}

/** `GET /api/replicaTaskSessions[?format=Entity]`: task sessions of the last 30 days (§6.6). */
export function getTaskSessions(call: RouteCall): EmReply {
  const format = readFormat(call.params)
  const now = call.ctx.now()
  const items = call.ctx.store.tasks.filter((task) => isRecent(task.creationTime, now))
  return listReply(format, { type: 'ReplicaTaskSession', items })
}

/** `GET /api/replicaTaskSessions/{id}[?format=Entity]` (both spellings): any stored task session. */
export function getTaskSession(call: RouteCall): EmReply {
  const id = call.ids[0] ?? ''
  const task = call.ctx.store.taskById(id)
  if (task === undefined) throw notFound(`Replica task session '${id}' was not found.`)
  return itemReply(readFormat(call.params), { type: 'ReplicaTaskSession', item: task })
}
