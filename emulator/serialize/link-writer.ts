import type { JsonObject } from './json-value.ts'
import { INDENT, xmlAttributes } from './xml-writer.ts'

export interface Link {
  rel: string
  href: string
  name?: string
  type?: string
}

/** `<Links>` with one `<Link Href Name Type Rel />` per link, attributes in v13 order (em-api.md §5). */
export function linksXml(links: readonly Link[], indent: string): string {
  const inner = indent + INDENT
  let out = `${indent}<Links>\n`
  for (const link of links) {
    out += `${inner}<Link${xmlAttributes([
      ['Href', link.href],
      ['Name', link.name],
      ['Type', link.type],
      ['Rel', link.rel],
    ])} />\n`
  }
  return `${out}${indent}</Links>\n`
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
