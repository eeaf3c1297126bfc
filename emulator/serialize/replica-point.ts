// VmReplicaPoint entity and reference (em-api.md §11.2): the v13.1 example's children and attribute order.

import type { ReplicaPointRecord } from '../data/records.ts'
import { dateTimeText } from './date-time.ts'
import type { JsonObject } from './json-value.ts'
import { linksJson, linksXml } from './link-writer.ts'
import { entityAttributes, type RefShape } from './reference.ts'
import { pointLinks } from './replica-links.ts'
import type { SerializeContext } from './serialize-context.ts'
import { INDENT, textElement, wrapElement } from './xml-writer.ts'

function head(point: ReplicaPointRecord, ctx: SerializeContext) {
  return {
    href: `${ctx.base}vmReplicaPoints/${point.id}?format=Entity`,
    type: 'VmReplicaPoint',
    name: point.name,
    uid: `urn:veeam:VmReplicaPoint:${point.id}`,
  }
}

/** `<VmReplicaPoint … VmDisplayName>`: CreationTimeUTC, VmName, Algorithm, PointType. */
export function pointXml(
  point: ReplicaPointRecord,
  ctx: SerializeContext,
  indent: string,
  namespaces = '',
): string {
  const inner = indent + INDENT
  const children =
    linksXml(pointLinks(point, ctx, 'entity'), inner) +
    textElement(inner, 'CreationTimeUTC', dateTimeText(point.creationTime)) +
    textElement(inner, 'VmName', point.vmName) +
    textElement(inner, 'Algorithm', point.algorithm) +
    textElement(inner, 'PointType', point.pointType)
  const attributes = entityAttributes(head(point, ctx), [['VmDisplayName', point.vmName]])
  return wrapElement(indent, 'VmReplicaPoint', namespaces + attributes, children)
}

/** JSON per §11.2 [inferred]: own fields, VmDisplayName, then Name, UID, Links, Href, Type. */
export function pointJson(point: ReplicaPointRecord, ctx: SerializeContext): JsonObject {
  const { href, type, name, uid } = head(point, ctx)
  return {
    CreationTimeUTC: dateTimeText(point.creationTime),
    VmName: point.vmName,
    Algorithm: point.algorithm,
    PointType: point.pointType,
    VmDisplayName: point.vmName,
    Name: name,
    UID: uid,
    Links: linksJson(pointLinks(point, ctx, 'entity')),
    Href: href,
    Type: type,
  }
}

export function pointRef(point: ReplicaPointRecord, ctx: SerializeContext): RefShape {
  return {
    type: 'VmReplicaPointReference',
    href: `${ctx.base}vmReplicaPoints/${point.id}`,
    name: point.name,
    uid: `urn:veeam:VmReplicaPoint:${point.id}`,
    links: pointLinks(point, ctx, 'ref'),
  }
}
