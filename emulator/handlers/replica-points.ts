import { itemReply, listReply } from './collection-reply.ts'
import { notFound } from './em-error.ts'
import { readFormat } from './query-params.ts'
import type { EmReply, RouteCall } from './route.ts'

/**
 * `GET /api/vmReplicaPoints[?format=Entity]`: every point retention keeps (em-api.md §11.1). Unlike the session
 * collections no 30-day window is documented (§11.3), so none is applied.
 */
export function getPoints(call: RouteCall): EmReply {
  const items = call.ctx.store.points.filter((point) => !point.deleted)
  return listReply(readFormat(call.params), { type: 'VmReplicaPoint', items })
}

/** `GET /api/vmReplicaPoints/{id}[?format=Entity]` (§11.2); a point retention dropped is gone: 404. */
export function getPoint(call: RouteCall): EmReply {
  const id = call.ids[0] ?? ''
  const point = call.ctx.store.pointById(id)
  if (point === undefined) throw notFound(`VM replica point '${id}' was not found.`)
  return itemReply(readFormat(call.params), { type: 'VmReplicaPoint', item: point })
}
