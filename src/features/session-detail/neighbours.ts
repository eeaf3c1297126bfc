// Previous and next session "in the list the user came from": the explorer's pages are in the query cache under
// sessionQueries.lists(), so the most recently fetched page that holds this session is that list. The detail
// view reads the cache only; it never imports the explorer (STYLE §3.1).
import type { QueryClient } from '@tanstack/react-query'
import { sessionQueries } from '@/em/session-queries.ts'

export interface SessionStub {
  id: string
  name: string
}

export interface Neighbours {
  previous: SessionStub | null
  next: SessionStub | null
  /** 1-based place of this session in that list, and the list's length. */
  position: number
  total: number
}

function isStub(value: unknown): value is SessionStub {
  return (
    typeof value === 'object' &&
    value !== null &&
    'id' in value &&
    typeof value.id === 'string' &&
    'name' in value &&
    typeof value.name === 'string'
  )
}

// Cached data is typed by the query that wrote it; read defensively, as the explorer's page shape is its own.
function itemsOf(data: unknown): SessionStub[] | null {
  if (typeof data !== 'object' || data === null || !('items' in data) || !Array.isArray(data.items))
    return null
  const items: unknown[] = data.items
  return items.every(isStub) ? items.map(({ id, name }) => ({ id, name })) : null
}

/** This session's neighbours in the latest cached session list that holds it, or null when none does. */
export function findNeighbours(queryClient: QueryClient, id: string): Neighbours | null {
  let best: { items: SessionStub[]; at: number; updatedAt: number } | null = null
  for (const query of queryClient.getQueryCache().findAll({ queryKey: sessionQueries.lists() })) {
    const items = itemsOf(query.state.data)
    const at = items ? items.findIndex((item) => item.id === id) : -1
    if (!items || at === -1) continue
    if (!best || query.state.dataUpdatedAt > best.updatedAt)
      best = { items, at, updatedAt: query.state.dataUpdatedAt }
  }
  if (!best) return null
  return {
    previous: best.items[best.at - 1] ?? null,
    next: best.items[best.at + 1] ?? null,
    position: best.at + 1,
    total: best.items.length,
  }
}
