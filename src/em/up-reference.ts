// The entity an Up link names: its Name and the urn built from the GUID in its Href (em-api.md §1, §9.6).
import { findLink } from './link-resolver.ts'
import type { EmLink } from './link-schema.ts'

export interface UpReference {
  name: string | null
  /** `urn:veeam:<kind>:<guid>`, lower-case; null when the Href holds no GUID. */
  uid: string | null
}

const GUID = '\\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\}?'
// One pattern per path segment, built once: a page of 1,000 points reads two links each.
const patterns = new Map<string, RegExp>()

function patternFor(segment: string): RegExp {
  let pattern = patterns.get(segment)
  if (pattern === undefined) {
    pattern = new RegExp(`/${segment}/${GUID}(?:[/?#]|$)`, 'i')
    patterns.set(segment, pattern)
  }
  return pattern
}

/** The `Rel="Up"` link of `type` (found by Rel + Type, never by position), read as a reference to `/<segment>/{id}`. */
export function upReference(
  links: readonly EmLink[],
  type: string,
  target: { kind: string; segment: string },
): UpReference {
  const link = findLink(links, 'Up', type)
  if (!link) return { name: null, uid: null }
  const id = patternFor(target.segment).exec(link.href)?.[1]
  return { name: link.name, uid: id ? `urn:veeam:${target.kind}:${id.toLowerCase()}` : null }
}
