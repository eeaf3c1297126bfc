import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningEmulator, startEmulator } from '../http/start.ts'
import {
  dig,
  errorOf,
  field,
  hrefOf,
  JSON_ACCEPT,
  list,
  localPath,
  logon,
  parseXml,
  readQueryPage,
  send,
} from '../http/test-client.ts'
import { parseUsers } from './accounts.ts'

let em: RunningEmulator
let admin: string
let portal: string

beforeAll(async () => {
  em = await startEmulator({ sessions: 1500, users: parseUsers('admin:admin,viewer:pw:portal-user') })
  admin = await logon(em.url)
  portal = await logon(em.url, 'viewer', 'pw')
})
afterAll(() => em.close())

const get = (path: string, token = admin, accept: Record<string, string> = {}) =>
  send(em.url, path, { headers: { 'X-RestSvcSessionId': token, ...accept } })

async function json(path: string, token = admin): Promise<unknown> {
  const reply = await get(path, token, JSON_ACCEPT)
  expect(reply.status, `${path}: ${reply.text.slice(0, 200)}`).toBe(200)
  return JSON.parse(reply.text)
}

async function xml(path: string): Promise<unknown> {
  const reply = await get(path)
  expect(reply.status, `${path}: ${reply.text.slice(0, 200)}`).toBe(200)
  return parseXml(reply.text)
}

const store = () => em.context.store
const livePoints = () => store().points.filter((point) => !point.deleted)

describe('replicas and VM replica points (em-api.md §11)', () => {
  it('answers VmReplicaPoint queries newest first in both formats, with the six v13 links', async () => {
    const path = '/api/query?type=VmReplicaPoint&format=Entities&sortDesc=CreationTime&pageSize=5'
    const fromJson = readQueryPage(await get(path, admin, JSON_ACCEPT), 'VmReplicaPoints')
    const fromXml = readQueryPage(await get(path), 'VmReplicaPoints')
    expect(fromXml.uids).toEqual(fromJson.uids)
    const newest = [...livePoints()].sort((a, b) => b.creationTime - a.creationTime || (a.id < b.id ? -1 : 1))
    expect(fromJson.uids).toEqual(newest.slice(0, 5).map((point) => `urn:veeam:VmReplicaPoint:${point.id}`))
    const [first] = fromJson.items
    const links = list(first, 'Links')
    expect(links.map((link) => `${dig(link, 'Rel')} ${dig(link, 'Type')}`)).toEqual([
      'Failover null',
      'Up BackupServerReference',
      'Up ReplicaReference',
      'Alternate VmReplicaPointReference',
      'Down VmReplicaPointMountList',
      'Create VmReplicaPointMount',
    ])
    expect(Object.keys(first ?? {})).toEqual([
      'CreationTimeUTC',
      'VmName',
      'Algorithm',
      'PointType',
      'VmDisplayName',
      'Name',
      'UID',
      'Links',
      'Href',
      'Type',
    ])
    const xmlFirst = fromXml.items[0]
    expect(dig(xmlFirst, 'VmDisplayName')).toBe(dig(first, 'VmDisplayName'))
    expect(dig(xmlFirst, 'PointType')).toBe('Snapshot')
  })

  it('filters points by VM, replica, server and time, the documented fields', async () => {
    const point = livePoints().at(-1)
    const replica = store().replicaById(point?.replicaId ?? '')
    const server = store().serverById(replica?.backupServerId ?? '')
    const filter = `VmDisplayName=="${point?.vmName}";ReplicaUid=="urn:veeam:Replica:${replica?.id}";BackupServerName=="${server?.name}";Type==Snapshot`
    const page = readQueryPage(
      await get(
        `/api/query?type=VmReplicaPoint&format=Entities&filter=${encodeURIComponent(filter)}&pageSize=1000`,
        admin,
        JSON_ACCEPT,
      ),
      'VmReplicaPoints',
    )
    const expected = livePoints().filter((p) => p.vmName === point?.vmName && p.replicaId === replica?.id)
    expect(page.items).toHaveLength(expected.length)
    expect(expected.length).toBeGreaterThan(0)
    const since = new Date((point?.creationTime ?? 0) / 1000 - 1).toISOString()
    const recent = readQueryPage(
      await get(`/api/query?type=VmReplicaPoint&filter=CreationTime>="${since}"&pageSize=1000`, admin),
      'VmReplicaPoints',
    )
    expect(recent.uids).toContain(`urn:veeam:VmReplicaPoint:${point?.id}`)
  })

  it('reaches a replica and its points from a point, and the replica from query?type=Replica by JobUid', async () => {
    const point = livePoints()[0]
    const entity = await json(`/api/vmReplicaPoints/${point?.id}?format=Entity`)
    const replicaPath = localPath(hrefOf(list(entity, 'Links'), 'Up', 'ReplicaReference'))
    const replica = await json(`${replicaPath}?format=Entity`)
    expect(dig(replica, 'Type')).toBe('Replica')
    const job = store().jobById(store().replicaById(point?.replicaId ?? '')?.jobId ?? '')
    expect(dig(replica, 'Name')).toBe(job?.name)
    const byJob = readQueryPage(
      await get(
        `/api/query?type=Replica&format=Entities&filter=JobUid=="urn:veeam:Job:${job?.id}"`,
        admin,
        JSON_ACCEPT,
      ),
      'Replicas',
    )
    expect(byJob.uids).toEqual([dig(replica, 'UID')])
    const down = localPath(hrefOf(list(replica, 'Links'), 'Down', 'VmReplicaPointReferenceList'))
    const refs = list(await json(down), 'Refs')
    expect(refs.map((ref) => dig(ref, 'UID'))).toContain(`urn:veeam:VmReplicaPoint:${point?.id}`)
    expect(dig(await xml(`${replicaPath}`), 'EntityRef', 'Type')).toBe('ReplicaReference')
  })

  it('lists every replica and every live point as collections; an unknown or dropped point is 404', async () => {
    expect(list(await json('/api/replicas'), 'Refs')).toHaveLength(store().jobs.length)
    expect(list(await json('/api/vmReplicaPoints?format=Entity'), 'VmReplicaPoints')).toHaveLength(
      livePoints().length,
    )
    const reply = await get('/api/vmReplicaPoints/00000000-0000-4000-8000-000000000000')
    expect(reply.status).toBe(404)
  })
})

describe('job includes (em-api.md §12)', () => {
  it('lists a job’s includes as ObjectsInJob / ObjectInJobs and embeds them in JobInfo', async () => {
    const job = store().jobs.find((each) => store().includesOfJob(each.id).length >= 2)
    const includes = store().includesOfJob(job?.id ?? '')
    const asJson = await json(`/api/jobs/${job?.id}/includes`)
    expect(list(asJson, 'ObjectInJobs').map((item) => dig(item, 'Name'))).toEqual(includes.map((i) => i.name))
    const asXml = await xml(`/api/jobs/${job?.id}/includes`)
    const items = list(asXml, 'ObjectsInJob', 'ObjectInJob')
    expect(items.map((item) => dig(item, 'ObjectInJobId'))).toEqual(includes.map((i) => i.id))
    const one = await json(localPath(String(dig(list(asJson, 'ObjectInJobs')[0], 'Href'))))
    expect(dig(one, 'HierarchyObjRef')).toBe(includes[0]?.hierarchyObjRef)
    expect(list(one, 'Links').map((link) => dig(link, 'Rel'))).toEqual(['Delete', 'Up'])
    const entity = await json(`/api/jobs/${job?.id}?format=Entity`)
    const embedded = list(entity, 'JobInfo', 'ReplicaJobInfo', 'Includes', 'ObjectInJobs')
    expect(embedded.map((item) => dig(item, 'ObjectInJobId'))).toEqual(includes.map((i) => i.id))
    expect(dig(embedded[0], 'Links')).toBeUndefined()
  })

  it('answers query?type=ObjectInJob under Resources, filtered by job', async () => {
    const job = store().jobs.find((each) => store().includesOfJob(each.id).length >= 2)
    const filter = encodeURIComponent(`JobName=="${job?.name}"`)
    const path = `/api/query?type=ObjectInJob&format=Entities&filter=${filter}&pageSize=1000`
    const asJson = await json(path)
    expect(dig(asJson, 'Entities')).toBeNull()
    const items = list(asJson, 'Resources', 'ObjectInJobs', 'ObjectInJobs')
    expect(items.map((item) => dig(item, 'ObjectInJobId')).sort()).toEqual(
      store()
        .includesOfJob(job?.id ?? '')
        .map((include) => include.id)
        .sort(),
    )
    const asXml = await xml(path)
    expect(list(asXml, 'QueryResult', 'Resources', 'ObjectsInJob', 'ObjectInJob')).toHaveLength(items.length)
    expect(dig(asJson, 'PagingInfo', 'PagesCount')).toBe(1)
  })
})

describe('roles (em-api.md §10)', () => {
  it('lets a Portal User read replicas, points and sessions, and answers 403 on jobs, includes and their queries', async () => {
    for (const path of [
      '/api/replicas',
      '/api/vmReplicaPoints',
      '/api/query?type=VmReplicaPoint&pageSize=1',
      '/api/query?type=Replica&pageSize=1',
      '/api/query?type=ReplicaTaskSession&pageSize=1',
      '/api/replicaSessions',
      '/api/backupServers',
    ]) {
      expect((await get(path, portal)).status, path).toBe(200)
    }
    const job = store().jobs[0]
    for (const path of [
      '/api/jobs',
      `/api/jobs/${job?.id}`,
      `/api/jobs/${job?.id}/includes`,
      '/api/query?type=Job',
      '/api/query?type=ObjectInJob',
    ]) {
      const reply = await get(path, portal)
      expect(reply.status, path).toBe(403)
      expect(String(errorOf(reply).message)).toMatch(/^Access denied/)
    }
  })

  it('links QuerySvc to the replica presets and LogonSession to the replica lists', async () => {
    const svc = await json('/api/querySvc')
    const types = list(svc, 'Links').map((link) => dig(link, 'Type'))
    expect(types).toEqual(expect.arrayContaining(['ReplicaList', 'VmReplicaPointList']))
    const preset = hrefOf(list(svc, 'Links'), 'Down', 'VmReplicaPointList')
    expect((await get(localPath(preset))).status).toBe(200)
    expect(field({ UID: 'x' }, 'UID')).toBe('x')
  })
})
