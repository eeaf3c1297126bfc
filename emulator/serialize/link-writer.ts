import type { JsonObject } from './json-value.ts'
import { escapeAttribute, INDENT } from './xml-writer.ts'

export interface Link {
  rel: string
  href: string
  name?: string
  type?: string
}

/** `<Links>` with one `<Link Href Name Type Rel />` per link, attributes in v13 order (em-api.md §5). */
export function linksXml(links: readonly Link[], indent: string): string {
  const inner = `${indent}${INDENT}<Link Href="`
  // Joined, not appended: a long chain of `+=` leaves a deep rope that costs more to flatten than to build.
  const lines = links.map((link) => {
    let line = inner + escapeAttribute(link.href)
    if (link.name !== undefined) line += `" Name="${escapeAttribute(link.name)}`
    if (link.type !== undefined) line += `" Type="${escapeAttribute(link.type)}`
    return `${line}" Rel="${escapeAttribute(link.rel)}" />\n`
  })
  return `${indent}<Links>\n${lines.join('')}${indent}</Links>\n`
}

/** Link objects as a real EM 12/13 writes them: always Rel, Href, Name, Type, with null where absent (§5). */
export function linksJson(links: readonly Link[]): JsonObject[] {
  return links.map((link) => ({
    Rel: link.rel,
    Href: link.href,
    Name: link.name ?? null,
    Type: link.type ?? null,
  }))
}
