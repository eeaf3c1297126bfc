import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningEmulator, startEmulator } from '../http/start.ts'
import { errorOf, field, JSON_ACCEPT, localPath, logon, readQueryPage, send } from '../http/test-client.ts'

const PUBLIC = 'https://em.example.test:9398/api/'
let em: RunningEmulator
let token: string

beforeAll(async () => {
  em = await startEmulator({ sessions: 300, publicUrl: PUBLIC })
  token = await logon(em.url)
})
afterAll(() => em.close())

const FORMATS = [
  ['xml', {}],
  ['json', JSON_ACCEPT],
] as const

const get = (path: string, accept: Record<string, string> = {}) =>
  send(em.url, path, { headers: { 'X-RestSvcSessionId': token, ...accept } })

async function page(path: string, accept: Record<string, string> = {}, collection = 'ReplicaJobSessions') {
  const reply = await get(path, accept)
  expect(reply.status, reply.text.slice(0, 300)).toBe(200)
  return readQueryPage(reply, collection)
}

describe.each(FORMATS)('GET /api/query in %s', (_format, accept) => {
  it('answers references by default with PagingInfo 1/100', async () => {
    const result = await page('/api/query?type=ReplicaJobSession', accept)
    expect(result.items).toHaveLength(100)
    expect(result.uids[0]).toMatch(/^urn:veeam:ReplicaJobSession:[0-9a-f-]{36}$/)
    expect(result).toMatchObject({ pageNum: 1, pageSize: 100 })
    expect(result.pagesCount).toBeGreaterThan(1)
  })

  it.each(['Entities', 'entities', 'Entity', 'ENTITY'])('answers entities for format=%s', async (format) => {
    const result = await page(`/api/query?type=ReplicaJobSession&format=${format}&pageSize=3`, accept)
    expect(result.items).toHaveLength(3)
    expect(field(result.items[0], 'JobName')).not.toBe('')
  })

  it('filters, sorts and pages like one ordered list', async () => {
    const filter = 'filter=Result%3D%3DFailed,Result%3D%3DWarning'
    const all = await page(
      `/api/query?type=ReplicaJobSession&format=Entities&${filter}&sortDesc=CreationTime&pageSize=1000`,
      accept,
    )
    expect(all.items.length).toBeGreaterThan(4)
    expect(all.items.every((item) => ['Failed', 'Warning'].includes(field(item, 'Result')))).toBe(true)
    const times = all.items.map((item) => field(item, 'CreationTimeUTC'))
    expect([...times].sort().reverse()).toEqual(times)
    const second = await page(
      `/api/query?type=ReplicaJobSession&format=Entities&${filter}&sortDesc=CreationTime&pageSize=2&page=2`,
      accept,
    )
    expect(second.uids).toEqual(all.uids.slice(2, 4))
    expect(second.pagesCount).toBe(Math.ceil(all.items.length / 2))
  })

  it('sorts ascending by a case-insensitive field name', async () => {
    const result = await page(
      '/api/query?type=Job&format=Entities&sortAsc=NAME&pageSize=1000',
      accept,
      'Jobs',
    )
    const names = result.items.map((item) => field(item, 'Name').toLowerCase())
    expect(names.length).toBeGreaterThan(1)
    expect([...names].sort()).toEqual(names)
  })

  it('accepts a lower-case type and serves tasks, jobs and servers', async () => {
    expect(
      (await page('/api/query?type=replicatasksession&pageSize=5', accept, 'ReplicaTaskSessions')).items,
    ).toHaveLength(5)
    expect((await page('/api/query?type=job', accept, 'Jobs')).items.length).toBeGreaterThan(0)
    expect(
      (await page('/api/query?type=BackupServer&format=Entities', accept, 'BackupServers')).items.length,
    ).toBeGreaterThan(0)
  })

  it.each(['BackupJobSession', 'BackupTaskSession', 'Repository'])(
    'answers an empty page for type=%s',
    async (type) => {
      const result = await page(`/api/query?type=${type}&format=Entities`, accept, `${type}s`)
      expect(result.items).toHaveLength(0)
      expect(result).toMatchObject({ pageNum: 1, pagesCount: 1 })
    },
  )

  it('clamps pageSize to 1000 and reports the size used', async () => {
    const result = await page(
      '/api/query?type=ReplicaTaskSession&pageSize=5000',
      accept,
      'ReplicaTaskSessions',
    )
    expect(result.pageSize).toBe(1000)
    expect(result.items.length).toBeLessThanOrEqual(1000)
    expect(result.links.every((link) => link.href.includes('&pageSize=1000&page='))).toBe(true)
  })

  it('answers an empty page past the end, with Previous leading back to the last page', async () => {
    const result = await page('/api/query?type=BackupServer&pageSize=1&page=999', accept)
    expect(result.items).toHaveLength(0)
    expect(result.pageNum).toBe(999)
    const previous = result.links.find((link) => link.rel === 'Previous')
    expect(previous?.href).toMatch(new RegExp(`&page=${result.pagesCount}$`))
    expect(result.links.map((link) => link.rel)).toEqual(['First', 'Previous', 'Last'])
  })

  it('writes paging links with sorted, lower-hex-encoded parameters', async () => {
    const result = await page(
      '/api/query?type=ReplicaJobSession&format=Entities&filter=Result%3D%3DFailed;JobName!=%22a%20b%22&sortDesc=CreationTime&cachebuster=1&pageSize=1&page=2',
      accept,
    )
    const query =
      'filter=Result%3d%3dFailed%3bJobName!%3d%22a%20b%22&format=Entities&sortDesc=CreationTime&type=ReplicaJobSession'
    const href = (n: number) => `${PUBLIC}query?${query}&pageSize=1&page=${n}`
    expect(result.links).toEqual([
      { rel: 'First', href: href(1) },
      { rel: 'Previous', href: href(1) },
      { rel: 'Next', href: href(3) },
      { rel: 'Last', href: href(result.pagesCount) },
    ])
  })

  it('leads from page 1 to the last page by following Next', async () => {
    const everything = await page(
      '/api/query?type=ReplicaJobSession&filter=State==Stopped&pageSize=1000',
      accept,
    )
    let current = await page('/api/query?type=ReplicaJobSession&filter=State==Stopped&pageSize=37', accept)
    const seen = [...current.uids]
    for (let hops = 0; hops < 100; hops++) {
      const next = current.links.find((link) => link.rel === 'Next')
      if (next === undefined) break
      current = await page(localPath(next.href), accept)
      seen.push(...current.uids)
    }
    expect(current.pageNum).toBe(current.pagesCount)
    expect(current.links.find((link) => link.rel === 'Last')?.href).toMatch(
      new RegExp(`&page=${current.pageNum}$`),
    )
    expect(seen).toEqual(everything.uids)
  })
})

describe('request forms (em-api.md §4.6)', () => {
  it('reads a whole query percent-encoded into the path, with + as space', async () => {
    const plain = await page('/api/query?type=ReplicaJobSession&format=Entities&pageSize=1', JSON_ACCEPT)
    const jobName = field(plain.items[0], 'JobName')
    const encodedName = encodeURIComponent(`"${jobName}"`).replaceAll('%20', '+')
    const path = `/api/query%3Ftype%3DReplicaJobSession%26filter%3DJobName%3D%3D${encodedName}%26sortDesc%3DCreationTime%26pageSize%3D1000%26format%3Dentities`
    const encoded = await page(path, JSON_ACCEPT)
    expect(encoded.items.length).toBeGreaterThan(0)
    expect(encoded.items.every((item) => field(item, 'JobName') === jobName)).toBe(true)
    const plus = await page(
      `/api/query?type=ReplicaJobSession&format=Entities&pageSize=1000&filter=JobName==${encodedName}`,
      JSON_ACCEPT,
    )
    expect(plus.uids.toSorted()).toEqual(encoded.uids.toSorted())
  })

  it('ignores unknown parameters, letter case of names, a GET body and Content-Type', async () => {
    const reply = await send(em.url, '/api/Query/?TYPE=Job&PageSize=2&_=12345&foo=bar&foo=baz', {
      headers: { 'X-RestSvcSessionId': token, 'Content-Type': 'application/xml; charset=utf-8' },
      body: '<junk/>',
    })
    expect(reply.status).toBe(200)
    expect(readQueryPage(reply, 'Jobs').items).toHaveLength(2)
  })

  it.each([
    ['a repeated parameter', 'type=Job&type=Job'],
    ['a repeated parameter in another case', 'type=Job&pageSize=1&PAGESIZE=2'],
    ['both sortAsc and sortDesc', 'type=Job&sortAsc=Name&sortDesc=Name'],
    ['pageSize=0', 'type=Job&pageSize=0'],
    ['pageSize=-1', 'type=Job&pageSize=-1'],
    ['pageSize=1.5', 'type=Job&pageSize=1.5'],
    ['pageSize=abc', 'type=Job&pageSize=abc'],
    ['page=0', 'type=Job&page=0'],
    ['page beyond 32 bits', 'type=Job&page=99999999999'],
    ['a bad format', 'type=Job&format=Refs'],
    ['a missing type', 'format=Entities'],
    ['an empty type', 'type='],
    ['an unknown type', 'type=Tape'],
    ['a filter syntax error', 'type=ReplicaJobSession&filter=Result=='],
    ['an unknown filter field', 'type=ReplicaJobSession&filter=Progress==1'],
    ['an unknown sort field', 'type=ReplicaJobSession&sortAsc=Progress'],
    ['malformed percent-encoding', 'type=Job&filter=Name==%zz'],
  ])('answers 400 for %s', async (_label, query) => {
    for (const [, accept] of FORMATS) {
      const reply = await get(`/api/query?${query}`, accept)
      expect(reply.status, query).toBe(400)
      expect(reply.statusMessage).toBe('BadRequest')
      const error = errorOf(reply)
      expect(error.status).toBe(400)
      expect(String(error.message)).not.toBe('')
    }
  })
})
