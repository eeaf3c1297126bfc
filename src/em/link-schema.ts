// EM links in both formats: XML `<Links><Link …/></Links>`, JSON a flat array whose Name/Type are null or
// absent when the link has none (em-api.md §5).
import { z } from '@/lib/zod.ts'
import { listOf } from './schemas.ts'

export interface EmLink {
  rel: string
  type: string | null
  name: string | null
  href: string
}

/** A link as the wire carries it, once its members have their types (both formats). */
export interface WireLink {
  Rel: string
  Href: string
  Type?: string | null | undefined
  Name?: string | null | undefined
}

/** The domain link of a typed wire link; shared by the schema and the quick page reader. */
export function linkOf(link: WireLink): EmLink {
  return { rel: link.Rel, type: link.Type ?? null, name: link.Name ?? null, href: link.Href }
}

const linkSchema = z.pipe(
  z.object({ Rel: z.string(), Href: z.string(), Type: z.nullish(z.string()), Name: z.nullish(z.string()) }),
  z.transform(linkOf),
)

/** The `Links` member of any EM document → EmLink[] (absent or empty → []). */
export const linksSchema = listOf(linkSchema, ['Link'])
