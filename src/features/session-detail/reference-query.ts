// The Alternate link of a session entity leads to its reference form (em-api.md §5): Type, Href, Name, UID and
// links, without entity fields. em/ has no query for a followed reference, so this one lives beside its only card.
import { queryOptions } from '@tanstack/react-query'
import { emContext, emGet } from '@/em/em-get.ts'
import { resolveHref } from '@/em/link-resolver.ts'
import { parseEntityRef } from '@/em/parse-refs.ts'
import { sessionQueries } from '@/em/session-queries.ts'

/** The EntityRef behind an Alternate ReplicaJobSessionReference Href (any host; re-based onto the proxy). */
export function referenceQuery(href: string) {
  const context = emContext()
  return queryOptions({
    queryKey: [...sessionQueries.details(), 'reference', href, context] as const,
    queryFn: async ({ signal }) =>
      parseEntityRef(await emGet(resolveHref(href), { signal, format: context.format })),
  })
}
