// The persisted form of the query cache and its check on the way back. Only what a screen needs is stored: each
// query's key, hash, data and when EM sent it; no error, no request state, nothing about the session or its token.
import type { DehydratedState, Query } from '@tanstack/react-query'
import type { PersistedClient } from '@tanstack/react-query-persist-client'
import { isPersistedQueryKey } from '@/em/persisted-queries.ts'
import { v } from '@/lib/valibot.ts'

// Raised whenever the domain types a persisted query holds change shape, so an old store is dropped unread.
const SCHEMA_VERSION = 1

/** Older stores, or stores of another build or schema, are dropped on restore (never read). */
export const CACHE_BUSTER = `${import.meta.env.VITE_BUILD_ID ?? 'dev'}/schema-${SCHEMA_VERSION}`

/** The limit: a day-old picture is still a useful start, an older one misleads more than it helps. */
export const CACHE_MAX_AGE_MS = 24 * 60 * 60 * 1000

const storedSchema = v.object({
  // valibot's number() takes Infinity, which IndexedDB can hold; zod's did not (a store that never ages).
  timestamp: v.pipe(v.number(), v.finite()),
  buster: v.string(),
  queries: v.array(
    v.object({
      queryHash: v.string(),
      queryKey: v.array(v.unknown()),
      data: v.unknown(),
      dataUpdatedAt: v.pipe(v.number(), v.finite(), v.gtValue(0)),
    }),
  ),
})

export type StoredClient = v.InferOutput<typeof storedSchema>

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
  const parsed = v.safeParse(storedSchema, value)
  if (!parsed.success) return undefined
  const clientState: DehydratedState = {
    mutations: [],
    // A query without data would restore as a success with nothing to show.
    queries: parsed.output.queries
      .filter((q) => q.data !== undefined)
      .map((q) => ({
        queryHash: q.queryHash,
        queryKey: q.queryKey,
        dehydratedAt: parsed.output.timestamp,
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
  return { timestamp: parsed.output.timestamp, buster: parsed.output.buster, clientState }
}
