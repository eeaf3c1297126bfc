// The persisted form of the query cache and its check on the way back. Only what a screen needs is stored: each
// query's key, hash, data and when EM sent it; no error, no request state, nothing about the session or its token.
import type { DehydratedState, Query } from '@tanstack/react-query'
import type { PersistedClient } from '@tanstack/react-query-persist-client'
import { isPersistedQueryKey } from '@/em/persisted-queries.ts'
import { z } from '@/lib/zod.ts'

// Raised whenever the domain types a persisted query holds change shape, so an old store is dropped unread.
const SCHEMA_VERSION = 1

/** Older stores, or stores of another build or schema, are dropped on restore (never read). */
export const CACHE_BUSTER = `${import.meta.env.VITE_BUILD_ID ?? 'dev'}/schema-${SCHEMA_VERSION}`

/** The limit: a day-old picture is still a useful start, an older one misleads more than it helps. */
export const CACHE_MAX_AGE_MS = 24 * 60 * 60 * 1000

const storedSchema = z.object({
  timestamp: z.number(),
  buster: z.string(),
  queries: z.array(
    z.object({
      queryHash: z.string(),
      queryKey: z.array(z.unknown()),
      data: z.unknown(),
      dataUpdatedAt: z.number().check(z.positive()),
    }),
  ),
})

export type StoredClient = z.infer<typeof storedSchema>

/** Which queries are stored: successful EM reads of the persisted kinds (em/persisted-queries.ts). */
export function shouldStoreQuery(query: Query): boolean {
  return (
    query.state.status === 'success' && query.state.data !== undefined && isPersistedQueryKey(query.queryKey)
  )
}

/** What goes into the store for a dehydrated client. */
export function toStored(client: PersistedClient): StoredClient {
  return {
    timestamp: client.timestamp,
    buster: client.buster,
    queries: client.clientState.queries.map((q) => ({
      queryHash: q.queryHash,
      queryKey: [...q.queryKey],
      data: q.state.data,
      dataUpdatedAt: q.state.dataUpdatedAt,
    })),
  }
}

/** The client a stored value holds, or undefined when it is not one (corrupt, foreign, hand-edited). */
export function fromStored(value: unknown): PersistedClient | undefined {
  const parsed = storedSchema.safeParse(value)
  if (!parsed.success) return undefined
  const clientState: DehydratedState = {
    mutations: [],
    // A query without data would restore as a success with nothing to show.
    queries: parsed.data.queries
      .filter((q) => q.data !== undefined)
      .map((q) => ({
        queryHash: q.queryHash,
        queryKey: q.queryKey,
        dehydratedAt: parsed.data.timestamp,
        state: {
          data: q.data,
          dataUpdateCount: 1,
          dataUpdatedAt: q.dataUpdatedAt,
          error: null,
          errorUpdateCount: 0,
          errorUpdatedAt: 0,
          fetchFailureCount: 0,
          fetchFailureReason: null,
          fetchMeta: null,
          // However young, a restored answer is asked for again as soon as a screen shows it.
          isInvalidated: true,
          status: 'success',
          fetchStatus: 'idle',
        },
      })),
  }
  return { timestamp: parsed.data.timestamp, buster: parsed.data.buster, clientState }
}
