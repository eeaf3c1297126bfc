import type { ReplicaRecord } from '../data/records.ts'
import { itemReply, listReply } from './collection-reply.ts'
import { notFound } from './em-error.ts'
import { readFormat } from './query-params.ts'
import type { EmReply, RouteCall } from './route.ts'

function replicaOf(call: RouteCall): ReplicaRecord {
  const id = call.ids[0] ?? ''
  const replica = call.ctx.store.replicaById(id)
  if (replica === undefined) throw notFound(`Replica '${id}' was not found.`)
  return replica
}

/** `GET /api/replicas[?format=Entity]`: every replica (em-api.md §11.1). */
export function getReplicas(call: RouteCall): EmReply {
  return listReply(readFormat(call.params), { type: 'Replica', items: call.ctx.store.replicas })
}

/** `GET /api/replicas/{id}[?format=Entity]` (§11.4). */
export function getReplica(call: RouteCall): EmReply {
  return itemReply(readFormat(call.params), { type: 'Replica', item: replicaOf(call) })
}

/** `GET /api/replicas/{id}/vmReplicaPoints[?format=Entity]`: the replica's Down link (§11.1), oldest first. */
export function getReplicaPoints(call: RouteCall): EmReply {
  const replica = replicaOf(call)
  const items = call.ctx.store.pointsOfReplica(replica.id)
  return listReply(readFormat(call.params), { type: 'VmReplicaPoint', items })
}
