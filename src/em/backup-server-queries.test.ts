import { describe, expect, test } from 'vitest'
import { emFixture, stubEmFetch, testQueryClient } from '@/test/stub-em-fetch.ts'
import { backupServerQueries } from './backup-server-queries.ts'

const em = stubEmFetch()
const fixture = emFixture
const client = testQueryClient

describe('backupServerQueries', () => {
  test('backup servers: list and a server followed from its Up link', async () => {
    em.answers.set(
      '/api/query?type=BackupServer&format=Entities&sortAsc=Name&pageSize=1000&page=1',
      `<QueryResult><Entities><BackupServers /></Entities><PagingInfo PageNum="1" PageSize="1000" PagesCount="1"/></QueryResult>`,
    )
    em.answers.set('/api/backupServers/ce15?format=Entity', fixture('backup-server.xml'))
    expect(await client().fetchQuery(backupServerQueries.list())).toMatchObject({ items: [] })
    const server = await client().fetchQuery(
      backupServerQueries.detail('https://em:9398/api/backupServers/ce15'),
    )
    expect(server.version).toBe('13.0.0.1420')
  })
})
