import { describe, expect, it } from 'vitest'
import { parseExplorerSearch } from './search-params.ts'
import { wallFilter } from './wall-link.tsx'

describe('wallFilter', () => {
  it('keeps every filter key and drops sort, page, page size and refresh', () => {
    const search = parseExplorerSearch({
      job: 'SQL Replication',
      result: ['Failed', 'Warning'],
      created: '24h',
      q: 'IsRetry==false',
      sort: 'Name.asc',
      page: 3,
      size: 250,
      refresh: 60,
    })
    expect(Object.entries(wallFilter(search)).filter(([, value]) => value !== undefined)).toEqual([
      ['job', 'SQL Replication'],
      ['result', ['Failed', 'Warning']],
      ['created', '24h'],
      ['q', 'IsRetry==false'],
    ])
  })
})
