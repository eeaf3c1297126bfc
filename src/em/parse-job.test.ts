import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { readSample } from '@/test/samples.ts'
import { decodeBody } from './decode-body.ts'
import { parseJob, parseJobsPage } from './parse-job.ts'

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')

describe('parseJob', () => {
  test('the §6.4 replica job: XML and JSON agree (the JSON example abridges its links)', () => {
    const fromXml = parseJob(decodeBody(fixture('job-replica.xml'), 'xml'))
    const fromJson = parseJob(decodeBody(fixture('job-replica.json'), 'json'))
    expect({ ...fromJson, links: [] }).toEqual({ ...fromXml, links: [] })
    expect(fromXml).toMatchObject({
      id: '2c49a44e-1e59-4527-a6bc-6b2f9b579ee1',
      name: 'Fileserver02 Replication',
      jobType: 'Replica',
      platform: 'HyperV',
      description: 'Created by .\\veeamadmin',
      scheduleConfigured: true,
      scheduleEnabled: true,
      nextRun: Date.UTC(2025, 9, 20, 6, 46),
    })
    expect(fromJson.links.slice(0, 2)).toEqual(fromXml.links.slice(0, 2))
  })

  test('a backup job with its full schedule and JobInfo blocks', () => {
    const job = parseJob(decodeBody(readSample('job-entity-backup.xml'), 'xml'))
    expect(job).toMatchObject({ name: 'DB Backup', jobType: 'Backup', nextRun: Date.UTC(2020, 1, 1, 17) })
    expect(job.links).toHaveLength(11)
  })

  test('an immediate backup copy job: CustomPlatform kept raw, no NextRun → null', () => {
    const job = parseJob(decodeBody(readSample('job-entity-immediatebackupcopy.xml'), 'xml'))
    expect(job).toMatchObject({ jobType: 'ImmediateBackupCopy', platform: 'CustomPlatform', nextRun: null })
  })
  test.each([
    ['the 1900 sentinel', '<NextRun>1900-01-01T00:00:00Z</NextRun>'],
    ['an empty element', '<NextRun />'],
    ['unparsable text', '<NextRun>never</NextRun>'],
  ])('NextRun as %s → null', (_label, element) => {
    const text = fixture('job-replica.xml').replace(/<NextRun>.*<\/NextRun>/, element)
    expect(parseJob(decodeBody(text, 'xml')).nextRun).toBeNull()
  })
})

describe('parseJobsPage', () => {
  test('a one-job page: the Job list element stays an array', () => {
    const xml = `<QueryResult><Entities><Jobs>${fixture('job-replica.xml')}</Jobs></Entities><PagingInfo PageNum="1" PageSize="1000" PagesCount="1"/></QueryResult>`
    const page = parseJobsPage(decodeBody(xml, 'xml'))
    expect(page.items.map((job) => job.name)).toEqual(['Fileserver02 Replication'])
    expect(page.paging).toEqual({ pageNum: 1, pageSize: 1000, pagesCount: 1, links: [] })
  })
})
