// References (em-api.md §5): Type, Href, Name, UID and links, without entity fields. The References form of
// /query is the cheap way to count (one item per page, read PagesCount: §4.5).
import { z } from '@/lib/zod.ts'
import { type EmLink, linksSchema } from './link-schema.ts'
import { type Page, queryPageOf } from './page-schema.ts'
import { documentOf, listOf, optionalText, parseWith } from './schemas.ts'

export interface EntityRef {
  uid: string
  name: string
  href: string
  /** e.g. ReplicaJobSessionReference, BackupServerReference. */
  type: string
  links: EmLink[]
}

const entityRefSchema = z.pipe(
  z.object({ UID: z.string(), Name: optionalText, Href: z.string(), Type: optionalText, Links: linksSchema }),
  z.transform(
    (raw): EntityRef => ({ uid: raw.UID, name: raw.Name, href: raw.Href, type: raw.Type, links: raw.Links }),
  ),
)

const REF = { plural: 'Refs', singular: 'Ref' }

/** A QueryResult `format=References` page → Page<EntityRef>. */
export function parseRefsPage(doc: unknown): Page<EntityRef> {
  return parseWith(queryPageOf('Refs', REF, entityRefSchema), doc, 'page of references')
}

/** An EntityReferences collection (`/replicaSessions`, `/backupServers` …; JSON `{"Refs":[…]}`) → EntityRef[]. */
export function parseRefs(doc: unknown): EntityRef[] {
  const schema = documentOf('EntityReferences', listOf(entityRefSchema, [REF.singular, REF.plural]))
  return parseWith(schema, doc, 'list of references')
}

/** A single reference (XML root `EntityRef`, JSON the object itself) → EntityRef. */
export function parseEntityRef(doc: unknown): EntityRef {
  return parseWith(documentOf('EntityRef', entityRefSchema), doc, 'reference')
}
