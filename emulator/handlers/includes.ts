import type { JobRecord } from '../data/records.ts'
import { notFound } from './em-error.ts'
import type { EmReply, RouteCall } from './route.ts'

function jobOf(call: RouteCall): JobRecord {
  const id = call.ids[0] ?? ''
  const job = call.ctx.store.jobById(id)
  if (job === undefined) throw notFound(`Job '${id}' was not found.`)
  return job
}

/** `GET /api/jobs/{id}/includes`: the job's ObjectsInJob (em-api.md §12); one form only, `format` is not read. */
export function getIncludes(call: RouteCall): EmReply {
  return { status: 200, body: { kind: 'includeList', items: call.ctx.store.includesOfJob(jobOf(call).id) } }
}

/** `GET /api/jobs/{id}/includes/{ObjectInJobId}` (§12). */
export function getInclude(call: RouteCall): EmReply {
  const job = jobOf(call)
  const id = call.ids[1] ?? ''
  const include = call.ctx.store.includesOfJob(job.id).find((each) => each.id === id)
  if (include === undefined) throw notFound(`Object '${id}' is not in job '${job.name}'.`)
  return { status: 200, body: { kind: 'include', item: include } }
}
