import { itemReply, listReply } from './collection-reply.ts'
import { notFound } from './em-error.ts'
import { readFormat } from './query-params.ts'
import type { EmReply, RouteCall } from './route.ts'

/** `GET /api/jobs[?format=Entity]`: every job of every backup server. */
export function getJobs(call: RouteCall): EmReply {
  return listReply(readFormat(call.params), { type: 'Job', items: call.ctx.store.jobs })
}

/** `GET /api/jobs/{id}[?format=Entity]` (em-api.md §6.4). */
export function getJob(call: RouteCall): EmReply {
  const id = call.ids[0] ?? ''
  const job = call.ctx.store.jobById(id)
  if (job === undefined) throw notFound(`Job '${id}' was not found.`)
  return itemReply(readFormat(call.params), { type: 'Job', item: job })
}
