// QueryResult paging (em-api.md §4.5): EM has no total count, only the page number, size and page count.
import { z } from '@/lib/zod.ts'
import { type EmLink, linksSchema } from './link-schema.ts'
import { collectionIn, documentOf, listOf, parseWith, wireInt } from './schemas.ts'

export interface PagingInfo {
  pageNum: number
  pageSize: number
  pagesCount: number
  /** First, Previous, Next, Last — find them with findLink, follow them with resolveHref. */
  links: EmLink[]
}

export interface Page<T> {
  items: T[]
  paging: PagingInfo
  /** How old the answer already was when it arrived (a kiosk proxy's shared copy); absent when straight from EM. */
  ageMs?: number
}

// XML attributes in either order (some doc pages print them reversed), JSON numbers. Exported for result shapes
// queryPageOf does not cover (ObjectInJob under Resources).
export const pagingInfoSchema = z.pipe(
  z.object({ PageNum: wireInt, PageSize: wireInt, PagesCount: wireInt, Links: linksSchema }),
  z.transform(
    (info): PagingInfo => ({
      pageNum: info.PageNum,
      pageSize: info.PageSize,
      pagesCount: info.PagesCount,
      links: info.Links,
    }),
  ),
)

/**
 * A QueryResult page (em-api.md §5). Entities: `Entities` holds the collection `plural`, read by name.
 * References: `Refs` is itself the list (XML `<Refs><Ref/>…`, JSON `{"Refs":{"Refs":[…]}}` or a bare array).
 */
export function queryPageOf<T extends z.ZodMiniType>(
  section: 'Entities' | 'Refs',
  collection: { plural: string; singular: string },
  item: T,
) {
  const body =
    section === 'Entities'
      ? z.object({ Entities: collectionIn(collection.plural, collection.singular, item) })
      : z.object({ Refs: listOf(item, [collection.singular, collection.plural]) })
  return z.pipe(
    documentOf('QueryResult', z.intersection(z.object({ PagingInfo: pagingInfoSchema }), body)),
    z.transform(
      (result): Page<z.output<T>> => ({
        items: 'Entities' in result ? result.Entities : result.Refs,
        paging: result.PagingInfo,
      }),
    ),
  )
}

/** A standalone PagingInfo element or object → PagingInfo. */
export function parsePagingInfo(doc: unknown): PagingInfo {
  return parseWith(documentOf('PagingInfo', pagingInfoSchema), doc, 'PagingInfo')
}
