import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningEmulator, startEmulator } from '../http/start.ts'
import {
  dig,
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

const DAY_MS = 24 * 3600 * 1000
let em: RunningEmulator
let token: string

beforeAll(async () => {
  em = await startEmulator({ sessions: 400 })
  token = await logon(em.url)
})
afterAll(() => em.close())

const get = (path: string, accept: Record<string, string> = {}) =>
  send(em.url, path, { headers: { 'X-RestSvcSessionId': token, ...accept } })

async function json(path: string): Promise<unknown> {
  const reply = await get(path, JSON_ACCEPT)
  expect(reply.status, `${path}: ${reply.text.slice(0, 200)}`).toBe(200)
  return JSON.parse(reply.text)
}

async function xml(path: string): Promise<unknown> {
  const reply = await get(path)
  expect(reply.status, `${path}: ${reply.text.slice(0, 200)}`).toBe(200)
  expect(reply.headers['content-type']).toBe('application/xml')
  return parseXml(reply.text)
}

async function sessionWithTasks(): Promise<unknown> {
  const reply = await get(
    '/api/query?type=ReplicaJobSession&format=Entities&sortDesc=CreationTime&pageSize=5',
    JSON_ACCEPT,
  )
  const [first] = readQueryPage(reply, 'ReplicaJobSessions').items
  return first
}

describe('following links from a session (JSON)', () => {
  it('reaches its backup server, job, reference and task sessions', async () => {
    const session = await sessionWithTasks()
    const links = list(session, 'Links')
    const server = await json(`${localPath(hrefOf(links, 'Up', 'BackupServerReference'))}?format=Entity`)
    expect(dig(server, 'Type')).toBe('BackupServer')
    expect(dig(server, 'Name')).toBe(dig(links[0], 'Name'))
    const job = await json(`${localPath(hrefOf(links, 'Up', 'JobReference'))}?format=Entity`)
    expect(dig(job, 'UID')).toBe(field(session, 'JobUid'))
    const ref = await json(localPath(hrefOf(links, 'Alternate', 'ReplicaJobSessionReference')))
    expect(dig(ref, 'Type')).toBe('ReplicaJobSessionReference')
    expect(dig(ref, 'UID')).toBe(dig(session, 'UID'))
    const entity = await json(localPath(hrefOf(list(ref, 'Links'), 'Alternate')))
    expect(dig(entity, 'UID')).toBe(dig(session, 'UID'))

    const tasksHref = localPath(hrefOf(links, 'Down', 'ReplicaTaskSessionReferenceList'))
    const refs = list(await json(tasksHref), 'Refs')
    const tasks = list(await json(`${tasksHref}?format=Entity`), 'ReplicaTaskSessions')
    expect(tasks.length).toBeGreaterThan(0)
    expect(refs.map((item) => dig(item, 'UID'))).toEqual(tasks.map((item) => dig(item, 'UID')))
    expect(tasks.every((task) => dig(task, 'JobSessionUid') === dig(session, 'UID'))).toBe(true)
    const task = await json(localPath(String(dig(tasks[0], 'Href'))))
    expect(dig(task, 'UID')).toBe(dig(tasks[0], 'UID'))
    const up = await json(localPath(hrefOf(list(task, 'Links'), 'Up', 'ReplicaJobSessionReference')))
    expect(dig(up, 'UID')).toBe(dig(session, 'UID'))
  })

  it('serves the doc spelling repicaTaskSessions and emits it when configured', async () => {
    const session = await sessionWithTasks()
    const id = String(dig(session, 'UID')).split(':').at(-1)
    const correct = await json(`/api/replicaSessions/${id}/replicaTaskSessions`)
    const doc = await json(`/api/replicaSessions/${id}/repicaTaskSessions`)
    expect(doc).toEqual(correct)
    em.context.config.taskPathSpelling = 'repicaTaskSessions'
    try {
      const entity = await json(`/api/replicaSessions/${id}?format=Entity`)
      const down = hrefOf(list(entity, 'Links'), 'Down', 'ReplicaTaskSessionReferenceList')
      expect(down).toMatch(/\/repicaTaskSessions$/)
      expect(list(await json(localPath(down)), 'Refs').length).toBeGreaterThan(0)
      const taskId = String(dig(list(correct, 'Refs')[0], 'UID'))
        .split(':')
        .at(-1)
      expect(dig(await json(`/api/repicaTaskSessions/${taskId}?format=Entity`), 'Type')).toBe(
        'ReplicaTaskSession',
      )
    } finally {
      em.context.config.taskPathSpelling = 'replicaTaskSessions'
    }
  })

  it('accepts upper-case GUIDs, odd path case and a trailing slash', async () => {
    const session = await sessionWithTasks()
    const id = String(dig(session, 'UID')).split(':').at(-1) ?? ''
    const entity = await json(`/API/ReplicaSESSIONS/${id.toUpperCase()}/?format=ENTITY`)
    expect(dig(entity, 'UID')).toBe(dig(session, 'UID'))
  })
})

describe('collections (XML)', () => {
  it('lists backup servers and jobs as references and as entities', async () => {
    const servers = list(await xml('/api/backupServers'), 'EntityReferences', 'Ref')
    const serverEntities = list(
      await xml('/api/backupServers?format=Entity'),
      'BackupServers',
      'BackupServer',
    )
    expect(servers.length).toBeGreaterThan(0)
    expect(servers.map((item) => dig(item, 'UID'))).toEqual(serverEntities.map((item) => dig(item, 'UID')))
    const jobs = list(await xml('/api/jobs?format=entity'), 'Jobs', 'Job')
    expect(jobs.length).toBeGreaterThan(0)
    const href = String(dig(jobs[0], 'Href'))
    expect(dig(await xml(localPath(href)), 'Job', 'UID')).toBe(dig(jobs[0], 'UID'))
  })

  it.each(['/api/backupServers?format=bogus', '/api/jobs?format=', '/api/replicaSessions?format=x'])(
    'answers 400 for a bad format on %s',
    async (path) => {
      expect((await get(path)).status).toBe(400)
    },
  )

  it.each([
    '/api/replicaSessions/00000000-0000-4000-8000-000000000000',
    '/api/replicaSessions/not-a-guid',
    '/api/replicaTaskSessions/00000000-0000-4000-8000-000000000000',
    '/api/backupServers/00000000-0000-4000-8000-000000000000',
    '/api/jobs/xyz',
    '/api/replicaSessions/00000000-0000-4000-8000-000000000000/replicaTaskSessions',
  ])('answers 404 for the unknown %s', async (path) => {
    expect((await get(path)).status).toBe(404)
  })
})

describe('the 30-day window (em-api.md §6.6)', () => {
  it('limits /replicaSessions and /replicaTaskSessions, not /query or a single session', async () => {
    const now = em.context.now()
    const cutoff = now - 30 * DAY_MS
    const allReply = await get(
      '/api/query?type=ReplicaJobSession&format=Entities&sortAsc=CreationTime&pageSize=1000',
      JSON_ACCEPT,
    )
    const all = readQueryPage(allReply, 'ReplicaJobSessions').items
    const old = all.filter((item) => Date.parse(field(item, 'CreationTimeUTC')) < cutoff - DAY_MS)
    const recent = all.filter((item) => Date.parse(field(item, 'CreationTimeUTC')) >= cutoff + DAY_MS)
    expect(old.length).toBeGreaterThan(0)
    expect(recent.length).toBeGreaterThan(0)

    const windowed = new Set(list(await json('/api/replicaSessions'), 'Refs').map((item) => dig(item, 'UID')))
    expect(old.some((item) => windowed.has(dig(item, 'UID')))).toBe(false)
    expect(recent.every((item) => windowed.has(dig(item, 'UID')))).toBe(true)
    const entities = list(await json('/api/replicaSessions?format=Entity'), 'ReplicaJobSessions')
    expect(entities).toHaveLength(windowed.size)

    const oldId = String(dig(old[0], 'UID')).split(':').at(-1)
    expect(dig(await json(`/api/replicaSessions/${oldId}?format=Entity`), 'UID')).toBe(dig(old[0], 'UID'))
    expect(list(await json(`/api/replicaSessions/${oldId}/replicaTaskSessions`), 'Refs')).toHaveLength(0)

    const tasks = list(await json('/api/replicaTaskSessions?format=Entity'), 'ReplicaTaskSessions')
    expect(tasks.length).toBeGreaterThan(0)
    expect(tasks.every((task) => Date.parse(field(task, 'CreationTimeUTC')) >= cutoff)).toBe(true)
  })
})
