// References (`<Ref>` in lists, `<EntityRef>` alone): Type, Href, Name, UID and links only (em-api.md §5).

import type { JsonObject } from './json-value.ts'
import { type Link, linksJson, linksXml } from './link-writer.ts'
import { escapeAttribute, INDENT, wrapElement, xmlAttributes } from './xml-writer.ts'

export interface RefShape {
  /** `<Entity>Reference`, e.g. ReplicaJobSessionReference. */
  type: string
  href: string
  name: string
  uid: string
  links: Link[]
}

/** A reference element; attribute order Type, Href, Name, UID as in the doc's reference examples. */
export function refXml(tag: 'Ref' | 'EntityRef', ref: RefShape, indent: string, namespaces = ''): string {
  const attributes = xmlAttributes([
    ['Type', ref.type],
    ['Href', ref.href],
    ['Name', ref.name],
    ['UID', ref.uid],
  ])
  return wrapElement(indent, tag, namespaces + attributes, linksXml(ref.links, indent + INDENT))
}

/** The JSON reference: Links, UID, Name, Href, Type (samples/backupserver-reference.json). */
export function refJson(ref: RefShape): JsonObject {
  return { Links: linksJson(ref.links), UID: ref.uid, Name: ref.name, Href: ref.href, Type: ref.type }
}

/** Entity attributes in v13 order: Href, Type, Name, UID, then any extra ones (VmDisplayName). */
export function entityAttributes(
  head: { href: string; type: string; name: string; uid: string },
  extra: readonly (readonly [string, string])[] = [],
): string {
  let out = ` Href="${escapeAttribute(head.href)}" Type="${head.type}" Name="${escapeAttribute(head.name)}" UID="${escapeAttribute(head.uid)}"`
  for (const [name, value] of extra) out += ` ${name}="${escapeAttribute(value)}"`
  return out
}
