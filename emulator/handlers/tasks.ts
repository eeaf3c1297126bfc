// `/api/tasks` (em-api.md §13.2): the caller's own tasks only; another logon session's task is unknown (404).
import { notFound } from './em-error.ts'
import type { LogonEntry } from './logon-registry.ts'
import type { EmReply, RouteCall } from './route.ts'

function ownerOf(call: RouteCall): LogonEntry {
  if (call.caller === undefined) throw new Error('a tasks route reached without a caller')
  return call.caller
}

/** `GET /api/tasks`: `<Tasks>` of the caller's logon session, oldest first. */
export function getTasks(call: RouteCall): EmReply {
  const tasks = call.ctx.tasks.list(ownerOf(call).record.sessionId, call.ctx.now())
  return { status: 200, body: { kind: 'tasks', tasks } }
}

/** `GET /api/tasks/{id}`: the task as it is now. */
export function getTask(call: RouteCall): EmReply {
  const id = call.ids[0] ?? ''
  const task = call.ctx.tasks.get(ownerOf(call).record.sessionId, id, call.ctx.now())
  if (task === undefined) throw notFound(`Task '${id}' was not found.`)
  return { status: 200, body: { kind: 'task', task } }
}

/** `DELETE /api/tasks/{id}` → 204 without a body (delete_task_id). */
export function deleteTask(call: RouteCall): EmReply {
  const id = call.ids[0] ?? ''
  if (!call.ctx.tasks.delete(ownerOf(call).record.sessionId, id))
    throw notFound(`Task '${id}' was not found.`)
  return { status: 204, body: undefined }
}
