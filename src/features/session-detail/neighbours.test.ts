import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { sessionQueries } from '@/em/session-queries.ts'
import { findNeighbours } from './neighbours.ts'

const stub = (id: string) => ({ id, name: `Job@${id}`, uid: `urn:veeam:ReplicaJobSession:${id}` })

function cacheWith(lists: { key: string; ids: string[]; at: number }[]) {
  const client = new QueryClient()
  for (const list of lists) {
    client.setQueryData(
      [...sessionQueries.lists(), list.key],
      { items: list.ids.map(stub), paging: {} },
      {
        updatedAt: list.at,
      },
    )
  }
  return client
}

describe('findNeighbours', () => {
  it('finds the previous and next session of the latest list that shows this one', () => {
    const client = cacheWith([
      { key: 'old', ids: ['a', 'b', 'c'], at: 1 },
      { key: 'latest', ids: ['x', 'b', 'y', 'z'], at: 2 },
    ])
    expect(findNeighbours(client, 'b')).toEqual({
      previous: { id: 'x', name: 'Job@x' },
      next: { id: 'y', name: 'Job@y' },
      position: 2,
      total: 4,
    })
  })

  it('has no previous on the first row and no next on the last', () => {
    const client = cacheWith([{ key: 'only', ids: ['a', 'b'], at: 1 }])
    expect(findNeighbours(client, 'a')).toMatchObject({ previous: null, next: { id: 'b' } })
    expect(findNeighbours(client, 'b')).toMatchObject({ previous: { id: 'a' }, next: null })
  })

  it('is null when no cached list holds the session (a deep link) or the data is not a page', () => {
    const client = cacheWith([{ key: 'only', ids: ['a', 'b'], at: 1 }])
    expect(findNeighbours(client, 'q')).toBeNull()
    client.setQueryData([...sessionQueries.lists(), 'odd'], { items: [{ id: 'q' }] })
    client.setQueryData(['em', 'other'], { items: [stub('q')] })
    expect(findNeighbours(client, 'q')).toBeNull()
  })
})
