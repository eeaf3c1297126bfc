// Replica entity and reference (em-api.md §11.4).

import type { ReplicaRecord } from '../data/records.ts'
import type { JsonObject } from './json-value.ts'
import { linksJson, linksXml } from './link-writer.ts'
import { entityAttributes, type RefShape } from './reference.ts'
import { replicaLinks } from './replica-links.ts'
import type { SerializeContext } from './serialize-context.ts'
import { INDENT, textElement, wrapElement } from './xml-writer.ts'

function head(replica: ReplicaRecord, ctx: SerializeContext) {
  return {
    href: `${ctx.base}replicas/${replica.id}?format=Entity`,
    type: 'Replica',
    name: replica.name,
    uid: `urn:veeam:Replica:${replica.id}`,
  }
}

/** `<Replica>`: links, then Platform, its only field. */
export function replicaXml(
  replica: ReplicaRecord,
  ctx: SerializeContext,
  indent: string,
  namespaces = '',
): string {
  const inner = indent + INDENT
  const children =
    linksXml(replicaLinks(replica, ctx, 'entity'), inner) + textElement(inner, 'Platform', replica.platform)
  return wrapElement(indent, 'Replica', namespaces + entityAttributes(head(replica, ctx)), children)
}

/** JSON: own fields first, then Name, UID, Links, Href, Type (§5 pattern; no Veeam sample exists). */
export function replicaJson(replica: ReplicaRecord, ctx: SerializeContext): JsonObject {
  const { href, type, name, uid } = head(replica, ctx)
  return {
    Platform: replica.platform,
    Name: name,
    UID: uid,
    Links: linksJson(replicaLinks(replica, ctx, 'entity')),
    Href: href,
    Type: type,
  }
}

export function replicaRef(replica: ReplicaRecord, ctx: SerializeContext): RefShape {
  return {
    type: 'ReplicaReference',
    href: `${ctx.base}replicas/${replica.id}`,
    name: replica.name,
    uid: `urn:veeam:Replica:${replica.id}`,
    links: replicaLinks(replica, ctx, 'ref'),
  }
}
