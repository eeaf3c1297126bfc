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

const linkSchema = z.pipe(
  z.object({ Rel: z.string(), Href: z.string(), Type: z.nullish(z.string()), Name: z.nullish(z.string()) }),
  z.transform(
    (link): EmLink => ({ rel: link.Rel, type: link.Type ?? null, name: link.Name ?? null, href: link.Href }),
  ),
)

/** The `Links` member of any EM document → EmLink[] (absent or empty → []). */
export const linksSchema = listOf(linkSchema, ['Link'])
