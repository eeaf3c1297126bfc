// VmReplicaPoint entity and reference (em-api.md §11.2): the v13.1 example's children and attribute order.

import type { ReplicaPointRecord } from '../data/records.ts'
import { dateTimeText } from './date-time.ts'
import { type EntityKind, entityHead, entityJsonTail, entityRef, entityXml } from './entity-head.ts'
import type { JsonObject } from './json-value.ts'
import type { RefShape } from './reference.ts'
import { pointLinks } from './replica-links.ts'
import type { SerializeContext } from './serialize-context.ts'

const KIND: EntityKind = { type: 'VmReplicaPoint', path: 'vmReplicaPoints' }

/** `<VmReplicaPoint … VmDisplayName>`: CreationTimeUTC, VmName, Algorithm, PointType. */
export function pointXml(
  point: ReplicaPointRecord,
  ctx: SerializeContext,
  indent: string,
  namespaces = '',
): string {
  return entityXml({
    head: entityHead(KIND, point, ctx),
    links: pointLinks(point, ctx, 'entity'),
    fields: [
      ['CreationTimeUTC', dateTimeText(point.creationTime)],
      ['VmName', point.vmName],
      ['Algorithm', point.algorithm],
      ['PointType', point.pointType],
    ],
    extra: [['VmDisplayName', point.vmName]],
    indent,
    namespaces,
  })
}

/** JSON per §11.2 [inferred]: own fields, VmDisplayName, then Name, UID, Links, Href, Type. */
export function pointJson(point: ReplicaPointRecord, ctx: SerializeContext): JsonObject {
  return {
    CreationTimeUTC: dateTimeText(point.creationTime),
    VmName: point.vmName,
    Algorithm: point.algorithm,
    PointType: point.pointType,
    VmDisplayName: point.vmName,
    ...entityJsonTail(entityHead(KIND, point, ctx), pointLinks(point, ctx, 'entity')),
  }
}

export function pointRef(point: ReplicaPointRecord, ctx: SerializeContext): RefShape {
  return entityRef(KIND, point, ctx, pointLinks(point, ctx, 'ref'))
}
