import { describe, expect, test } from 'vitest'
import { pickQueryParams, toSessionQuery, windowAnchor } from './explorer-query.ts'
import { parseExplorerSearch } from './search-params.ts'

describe('explorer query', () => {
  test('toSessionQuery maps page, size and sort; refresh is not a query input', () => {
    const search = parseExplorerSearch({
      page: 4,
      size: 250,
      sort: 'Result.asc',
      result: ['Failed'],
      refresh: 0,
    })
    const deps = pickQueryParams(search)
    expect(deps).not.toHaveProperty('refresh')
    expect(toSessionQuery(deps, 0)).toEqual({
      filter: { results: ['Failed'] },
      sort: { field: 'Result', dir: 'asc' },
      page: 4,
      pageSize: 250,
    })
  })

  test('windowAnchor rounds up to the next whole minute', () => {
    expect(windowAnchor(Date.UTC(2025, 9, 19, 8, 46, 31))).toBe(Date.UTC(2025, 9, 19, 8, 47))
    expect(windowAnchor(Date.UTC(2025, 9, 19, 8, 47))).toBe(Date.UTC(2025, 9, 19, 8, 47))
  })
})
