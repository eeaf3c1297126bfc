// Replica entity and reference (em-api.md §11.4).

import type { ReplicaRecord } from '../data/records.ts'
import { type EntityKind, entityHead, entityJsonTail, entityRef, entityXml } from './entity-head.ts'
import type { JsonObject } from './json-value.ts'
import type { RefShape } from './reference.ts'
import { replicaLinks } from './replica-links.ts'
import type { SerializeContext } from './serialize-context.ts'

const KIND: EntityKind = { type: 'Replica', path: 'replicas' }

/** `<Replica>`: links, then Platform, its only field. */
export function replicaXml(
  replica: ReplicaRecord,
  ctx: SerializeContext,
  indent: string,
  namespaces = '',
): string {
  return entityXml({
    head: entityHead(KIND, replica, ctx),
    links: replicaLinks(replica, ctx, 'entity'),
    fields: [['Platform', replica.platform]],
    indent,
    namespaces,
  })
}

/** JSON: own fields first, then Name, UID, Links, Href, Type (§5 pattern; no Veeam sample exists). */
export function replicaJson(replica: ReplicaRecord, ctx: SerializeContext): JsonObject {
  return {
    Platform: replica.platform,
    ...entityJsonTail(entityHead(KIND, replica, ctx), replicaLinks(replica, ctx, 'entity')),
  }
}

export function replicaRef(replica: ReplicaRecord, ctx: SerializeContext): RefShape {
  return entityRef(KIND, replica, ctx, replicaLinks(replica, ctx, 'ref'))
}
