// What every entity and reference shares: its Href, Type, Name and UID, built one way from the collection it lives
// in (em-api.md §5, §6), and the tail a JSON entity ends with.

import type { JsonObject } from './json-value.ts'
import { type Link, linksJson, linksXml } from './link-writer.ts'
import { entityAttributes, type RefShape } from './reference.ts'
import type { SerializeContext } from './serialize-context.ts'
import { INDENT, textElement, wrapElement } from './xml-writer.ts'

/** An entity type and the collection path its Hrefs use, e.g. ReplicaJobSession in `replicaSessions`. */
export interface EntityKind {
  type: 'ReplicaJobSession' | 'ReplicaTaskSession' | 'BackupServer' | 'Job'
  path: string
}

export interface EntityHead {
  href: string
  type: string
  name: string
  uid: string
}

/** The entity form: `…/<path>/<id>?format=Entity`, Type the entity type, UID `urn:veeam:<Type>:<id>`. */
export function entityHead(
  kind: EntityKind,
  record: { id: string; name: string },
  ctx: SerializeContext,
): EntityHead {
  return {
    href: `${ctx.base}${kind.path}/${record.id}?format=Entity`,
    type: kind.type,
    name: record.name,
    uid: `urn:veeam:${kind.type}:${record.id}`,
  }
}

/** The reference form: Href without `?format=Entity`, Type `<Type>Reference`. */
export function entityRef(
  kind: EntityKind,
  record: { id: string; name: string },
  ctx: SerializeContext,
  links: Link[],
): RefShape {
  return {
    type: `${kind.type}Reference`,
    href: `${ctx.base}${kind.path}/${record.id}`,
    name: record.name,
    uid: `urn:veeam:${kind.type}:${record.id}`,
    links,
  }
}

/** The keys every JSON entity ends with, in EM's order: Name, UID, Links, Href, Type. */
export function entityJsonTail(head: EntityHead, links: Link[]): JsonObject {
  return { Name: head.name, UID: head.uid, Links: linksJson(links), Href: head.href, Type: head.type }
}

export interface EntityXml {
  head: EntityHead
  links: Link[]
  /** Child elements after the links, in EM's order; a null value leaves the element out. */
  fields: readonly (readonly [string, string | null])[]
  /** Attributes after UID (VmDisplayName). */
  extra?: readonly (readonly [string, string])[]
  /** Nested elements after the fields, written at the children's indent (a job's JobInfo block). */
  after?: (inner: string) => string
  indent: string
  namespaces: string
}

/** `<Type Href Type Name UID …>`, its links, then its fields. */
export function entityXml({ head, links, fields, extra, after, indent, namespaces }: EntityXml): string {
  const inner = indent + INDENT
  let children = linksXml(links, inner)
  for (const [tag, value] of fields) children += textElement(inner, tag, value)
  if (after) children += after(inner)
  return wrapElement(indent, head.type, namespaces + entityAttributes(head, extra), children)
}
