// The parsers of the protection view: the doc examples of em-api.md §11–§12, and the emulator's answers in XML
// and JSON decoding to the same objects.
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { emulatorAnswers } from '@/test/emulator-answers.ts'
import { decodeBody } from './decode-body.ts'
import { EmParseError } from './errors.ts'
import { parseIncludes, parseIncludesPage } from './parse-object-in-job.ts'
import { parseReplicasPage } from './parse-replica.ts'
import { parsePoint, parsePointsPage } from './parse-replica-point.ts'

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')
const em = emulatorAnswers()
const both = <T>(path: string, parse: (doc: unknown) => T): [T, T] => [
  parse(decodeBody(em.get(path, 'xml'), 'xml')),
  parse(decodeBody(em.get(path, 'json'), 'json')),
]

describe('parsePoint / parsePointsPage', () => {
  test('the v13.1 example: replica and server from the Up links, though Links[0] is Failover', () => {
    expect(parsePoint(decodeBody(fixture('vm-replica-point.xml'), 'xml'))).toEqual({
      uid: 'urn:veeam:VmReplicaPoint:7bd7de06-ec7c-4067-b10b-081e4a69ccc3',
      id: '7bd7de06-ec7c-4067-b10b-081e4a69ccc3',
      name: 'apache_replica@2025-10-18 20:00:30',
      vmDisplayName: 'apache_replica',
      creationTime: Date.UTC(2025, 9, 18, 20, 0, 30, 423),
      replicaUid: 'urn:veeam:Replica:f8864ea3-8ddf-45b3-b81b-6d95b58a7d9b',
      replicaName: 'Replication Job 1',
      backupServerUid: 'urn:veeam:BackupServer:a490c017-2c1c-40ee-8bcf-73bcce6ab36f',
      backupServerName: 'enterprise01.tech.local',
    })
  })

  test('an emulator page decodes alike from XML and JSON, one item or many', () => {
    const path = '/api/query?type=VmReplicaPoint&format=Entities&sortDesc=CreationTime&pageSize=40'
    const [fromXml, fromJson] = both(path, parsePointsPage)
    expect(fromJson).toEqual(fromXml)
    expect(fromXml.items).toHaveLength(40)
    expect(fromXml.items[0]?.replicaName).toBeTruthy()
    const [one] = both(path.replace('pageSize=40', 'pageSize=1'), parsePointsPage)
    expect(one.items).toHaveLength(1)
  })

  test('a point without its time is a parse error naming the field', () => {
    const broken = fixture('vm-replica-point.xml').replace('2025-10-18T20:00:30.423Z', 'yesterday')
    expect(() => parsePoint(decodeBody(broken, 'xml'))).toThrow(EmParseError)
    expect(() => parsePoint(decodeBody(broken, 'xml'))).toThrow(/CreationTimeUTC/)
  })
})

describe('parseReplicasPage', () => {
  test('an emulator page: names, platforms and servers, alike in both formats', () => {
    const [fromXml, fromJson] = both(
      '/api/query?type=Replica&format=Entities&pageSize=1000',
      parseReplicasPage,
    )
    expect(fromJson).toEqual(fromXml)
    const jobs = em.context.store.jobs
    expect(fromXml.items.map((replica) => replica.name).sort()).toEqual(jobs.map((job) => job.name).sort())
    expect(new Set(fromXml.items.map((replica) => replica.platform))).toEqual(new Set(['VMware', 'HyperV']))
    expect(fromXml.items.every((replica) => replica.backupServerName?.endsWith('.corp.local'))).toBe(true)
  })
})

describe('parseIncludes / parseIncludesPage', () => {
  test('the v13.1 example: a VM, its job from the Up link', () => {
    expect(parseIncludes(decodeBody(fixture('objects-in-job.xml'), 'xml'))).toEqual([
      {
        id: '83071dc0-44f2-49b6-b431-1cb79ed66639',
        name: 'oracle',
        displayName: 'oracle',
        hierarchyObjRef: 'urn:VMware:Vm:ca2f751f-8f26-4f39-815e-ce493b61fd80.20',
        objectType: 'Vm',
        isVm: true,
        jobUid: 'urn:veeam:Job:da4a15c2-04e7-4135-b876-577249d3d720',
        jobName: 'Oracle Backup',
      },
    ])
  })

  test('query?type=ObjectInJob under Resources, alike in both formats; a folder is no VM', () => {
    const [fromXml, fromJson] = both('/api/query?type=ObjectInJob&pageSize=1000', parseIncludesPage)
    expect(fromJson).toEqual(fromXml)
    expect(fromXml.items).toHaveLength(em.context.store.includes.length)
    const folder = fromXml.items.find((item) => !item.isVm)
    expect(folder?.objectType).toBe('Folder')
    expect(
      fromXml.items.every((item) => item.jobName !== null && item.jobUid?.startsWith('urn:veeam:Job:')),
    ).toBe(true)
  })

  test('a job’s own list, XML ObjectsInJob and JSON ObjectInJobs', () => {
    const job = em.context.store.jobs.find((each) => em.context.store.includesOfJob(each.id).length > 1)
    const [fromXml, fromJson] = both(`/api/jobs/${job?.id}/includes`, parseIncludes)
    expect(fromJson).toEqual(fromXml)
    expect(fromXml.map((item) => item.name)).toEqual(job?.vmNames.slice(0, fromXml.length))
  })

  test('the same page under Entities, as an EM might send it, reads the same', () => {
    const text = em
      .get('/api/query?type=ObjectInJob&pageSize=5', 'json')
      .replace('"Resources":{', '"Entities":{')
      .replace('"Entities":null,', '')
    expect(parseIncludesPage(decodeBody(text, 'json')).items).toHaveLength(5)
  })
})
