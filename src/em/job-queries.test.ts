import { describe, expect, test } from 'vitest'
import { emFixture, stubEmFetch, testQueryClient } from '@/test/stub-em-fetch.ts'
import { jobQueries } from './job-queries.ts'

const em = stubEmFetch()
const fixture = emFixture
const client = testQueryClient

describe('jobQueries', () => {
  test('jobs: replica list and a job followed from its Up link', async () => {
    em.answers.set(
      '/api/query?type=Job&format=Entities&filter=JobType%3D%3DReplica&sortAsc=Name&pageSize=1000&page=1',
      `<QueryResult><Entities><Jobs>${fixture('job-replica.xml')}</Jobs></Entities><PagingInfo PageNum="1" PageSize="1000" PagesCount="1"/></QueryResult>`,
    )
    em.answers.set('/api/jobs/2c49?format=Entity', fixture('job-replica.xml'))
    const page = await client().fetchQuery(jobQueries.replicaList())
    expect(page.items.map((job) => job.name)).toEqual(['Fileserver02 Replication'])
    const job = await client().fetchQuery(
      jobQueries.detail('https://enterprise04.tech.local:9398/api/jobs/2c49'),
    )
    expect(job.platform).toBe('HyperV')
  })
})
