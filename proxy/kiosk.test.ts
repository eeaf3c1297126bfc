import { Agent, createServer, type ServerResponse } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { createKioskHandler, MAX_STALE_S } from './kiosk.ts'
import type { KioskSettings } from './kiosk-env.ts'
import { createProxyMiddleware } from './proxy-middleware.ts'
import {
  type Answer,
  close,
  listen,
  memoryLog,
  type SeenRequest,
  send,
  startFakeEm,
  startProxy,
} from './test-servers.ts'

const KEY = 'b07e3d91c4a85f26e1d0c7b39a4f82e65c1d9b03a7f4e268'
const PASSWORD = 'S3cret-Kiosk-Pa55w0rd'
const settings: KioskSettings = { user: 'CORP\\wall', password: PASSWORD, key: KEY }
const BASIC = `Basic ${Buffer.from(`CORP\\wall:${PASSWORD}`).toString('base64')}`
const SESSIONS = '/api/query?type=ReplicaJobSession&format=Entities&sortDesc=CreationTime&pageSize=100&page=1'
const GUID = '0bcf5a1e-866c-4b40-8bc3-ce64753b9a6b'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** A fake EM with logon: tokens it issued stay valid until `expireAll`; `hold` delays answers so requests overlap. */
async function startEm(options: { answerMs?: number | (() => number); status?: () => number } = {}) {
  const valid = new Set<string>()
  let logons = 0
  const em = await startFakeEm((req: SeenRequest, res: ServerResponse) => {
    if (req.method === 'POST' && req.url.startsWith('/api/sessionMngr/')) {
      if (req.headers.authorization !== BASIC) return void res.writeHead(401).end('<Error/>')
      logons += 1
      const token = `TOKEN-${logons}`
      valid.add(token)
      res.writeHead(201, { 'X-RestSvcSessionId': token, 'Set-Cookie': `X-RestSvcSessionId=${token}` })
      return void res.end('<LogonSession/>')
    }
    const token = req.headers['x-restsvcsessionid']
    if (typeof token !== 'string' || !valid.has(token)) return void res.writeHead(401).end('<Error/>')
    setTimeout(
      () => {
        res.writeHead(options.status?.() ?? 200, { 'Content-Type': 'application/xml' })
        res.end(`<QueryResult url="${req.url}" accept="${req.headers.accept}"/>`)
      },
      typeof options.answerMs === 'function' ? options.answerMs() : (options.answerMs ?? 0),
    )
  })
  cleanups.push(() => close(em.server))
  return {
    ...em,
    logons: () => logons,
    expireAll: () => valid.clear(),
    gets: () => em.seen.filter((r) => r.method === 'GET'),
  }
}

/** The real middleware with the kiosk handler on a controllable clock. */
async function startKioskProxy(
  emUrl: string,
  kiosk: KioskSettings | null = settings,
  options: { cacheBytes?: number } = {},
) {
  let clock = 5_000_000
  const { log, lines } = memoryLog()
  const agent = new Agent({ keepAlive: true })
  const upstream = { origin: new URL(emUrl), host: new URL(emUrl).host, agent, timeoutMs: 2000 }
  const middleware = createProxyMiddleware({
    upstream,
    config: { emHost: 'em', emulator: false, version: 'test' },
    contentSecurityPolicy: true,
    kiosk: createKioskHandler({ upstream, settings: kiosk ?? undefined, log, now: () => clock, ...options }),
  })
  const server = createServer((req, res) => middleware(req, res, () => res.end('from app')))
  const port = await listen(server)
  cleanups.push(async () => {
    await close(server)
    agent.destroy()
  })
  const answers: Answer[] = []
  const get = async (path: string, headers: Record<string, string> = {}, method = 'GET') => {
    const answer = await send(port, path, { method, headers: { 'X-Kiosk-Key': KEY, ...headers } })
    answers.push(answer)
    return answer
  }
  const advance = (ms: number) => {
    clock += ms
  }
  return { port, get, lines, answers, advance }
}

function everything(answers: Answer[]): string {
  return answers.map((a) => `${a.rawHeaders.join('\n')}\n${a.body.toString()}`).join('\n')
}

describe('kiosk sign-in', () => {
  it("logs on with the service account once, sends EM only the proxy's token, and keeps it from the browser", async () => {
    const em = await startEm()
    const proxy = await startKioskProxy(em.url)
    const answer = await proxy.get(SESSIONS, { 'X-RestSvcSessionId': 'BROWSER', Cookie: 'a=b' })

    expect(answer.status).toBe(200)
    expect(answer.body.toString()).toContain('QueryResult')
    expect(em.logons()).toBe(1)
    expect(em.gets()[0]?.headers).toEqual({
      host: `127.0.0.1:${em.port}`,
      accept: 'application/xml',
      'x-restsvcsessionid': 'TOKEN-1',
      connection: 'keep-alive',
    })
    expect(answer.headers['x-restsvcsessionid']).toBeUndefined()
    expect(answer.headers['cache-control']).toBe('no-store')
  })

  it('signs in again once when EM answers 401, with one logon however many requests saw it', async () => {
    const em = await startEm({ answerMs: 20 })
    const proxy = await startKioskProxy(em.url)
    const paths = Array.from({ length: 20 }, (_, i) => `${SESSIONS}&filter=JobName%3D%3D%22job${i}%22`)
    await Promise.all(paths.map((path) => proxy.get(path)))
    expect(em.logons()).toBe(1)

    em.expireAll()
    proxy.advance(60_000)
    const answers = await Promise.all(paths.map((path) => proxy.get(path)))
    expect(answers.map((a) => a.status)).toEqual(paths.map(() => 200))
    expect(em.logons()).toBe(2)
  })

  it('never loops: when EM keeps refusing, each request retries once and the wall gets 503, not a sign-in prompt', async () => {
    const em = await startFakeEm((req, res) => {
      if (req.method === 'POST') return void res.writeHead(201, { 'X-RestSvcSessionId': 'T' }).end()
      res.writeHead(401, { 'WWW-Authenticate': 'Basic Realm=RestSvc' }).end()
    })
    cleanups.push(() => close(em.server))
    const proxy = await startKioskProxy(em.url)
    const answer = await proxy.get(SESSIONS)
    expect(answer.status).toBe(503)
    expect(JSON.parse(answer.body.toString())).toMatchObject({ error: 'kiosk_signin_failed' })
    expect(em.seen.map((r) => r.method)).toEqual(['POST', 'GET', 'POST', 'GET'])
  })

  it('says the kiosk account was refused (503) when the logon gets 401, naming the variables, never the password', async () => {
    const em = await startFakeEm((_, res) => res.writeHead(401).end())
    cleanups.push(() => close(em.server))
    const proxy = await startKioskProxy(em.url, { ...settings, password: 'wrong-password' })
    const answer = await proxy.get(SESSIONS)
    expect(answer.status).toBe(503)
    expect(answer.body.toString()).toContain('EM_KIOSK_PASSWORD')
    expect(answer.body.toString()).not.toContain('wrong-password')
    expect(proxy.lines.warn.join('\n')).not.toContain('wrong-password')
  })

  it('answers 502 JSON when EM cannot be reached', async () => {
    const em = await startEm()
    await close(em.server)
    const proxy = await startKioskProxy(em.url)
    const answer = await proxy.get(SESSIONS)
    expect(answer.status).toBe(502)
    expect(JSON.parse(answer.body.toString())).toMatchObject({ error: 'unreachable' })
  })
})

describe('kiosk access rules', () => {
  it.each([
    ['wrong key', { 'X-Kiosk-Key': `${KEY.slice(0, -1)}X` }],
    ['empty key', { 'X-Kiosk-Key': '' }],
  ])('refuses a %s with 403 and never calls EM', async (_, headers) => {
    const em = await startEm()
    const proxy = await startKioskProxy(em.url)
    const answer = await proxy.get(SESSIONS, headers)
    expect(answer.status).toBe(403)
    expect(JSON.parse(answer.body.toString())).toMatchObject({ error: 'forbidden' })
    expect(em.seen).toHaveLength(0)
  })

  it.each([['POST'], ['DELETE'], ['HEAD'], ['PUT']])(
    'refuses %s with the right key (403)',
    async (method) => {
      const em = await startEm()
      const proxy = await startKioskProxy(em.url)
      const answer = await proxy.get('/api/logonSessions', {}, method)
      expect(answer.status).toBe(403)
      expect(em.seen).toHaveLength(0)
    },
  )

  it.each([
    ['/api/'],
    [SESSIONS],
    ['/api/query?type=job&format=Entities&filter=JobType%3D%3DReplica&sortAsc=Name&pageSize=1000&page=1'],
    ['/api/query?type=replicaTaskSession&filter=JobSessionUid%3D%3D%22x%22'],
    [
      '/api/query?type=VmReplicaPoint&format=References&filter=CreationTime%3E%3D%222025-11-04T12%3A00%3A00Z%22&pageSize=1&page=1',
    ],
    ['/api/query?type=Replica&format=Entities&sortAsc=Name&pageSize=1000&page=1'],
    ['/api/query?type=ObjectInJob&format=Entities&sortAsc=Name&pageSize=1000&page=1'],
    [`/api/replicaSessions/${GUID}?format=Entity`],
    [`/api/replicaSessions/${GUID}`],
    [`/api/replicaSessions/${GUID}/replicaTaskSessions?format=Entity`],
    [`/api/replicaSessions/${GUID}/repicaTaskSessions`],
    [`/api/backupServers/${GUID}?format=Entity`],
    [`/api/jobs/${GUID.toUpperCase()}?format=Entity`],
  ])('allows GET %s', async (path) => {
    const em = await startEm()
    const proxy = await startKioskProxy(em.url)
    expect((await proxy.get(path)).status).toBe(200)
    expect(em.gets()).toHaveLength(1)
  })

  it.each([
    ['/api/logonSessions'],
    ['/api/sessionMngr/?v=latest'],
    ['/api/querySvc'],
    ['/api/replicaSessions'],
    ['/api/jobs'],
    [`/api/jobs/${GUID}?action=start`],
    [`/api/jobs/${GUID}/includes`],
    ['/api/vmReplicaPoints'],
    [`/api/vmReplicaPoints/${GUID}?action=failover`],
    ['/api/replicas'],
    ['/api/query?type=Task'],
    ['/api/query?type=BackupJobSession'],
    ['/api/query?type=BackupServer&format=Entities&sortAsc=Name&pageSize=1000&page=1'],
    ['/api/query?type=Repository'],
    ['/api/query'],
    [`${SESSIONS}&type=Job`],
    [`${SESSIONS}&x=1`],
    ['/api/query%3Ftype%3DReplicaJobSession'],
    [`/api/replicaSessions/${GUID}?format=Entities&x=1`],
    ['/api/../api/jobs'],
  ])('refuses GET %s with 403 and never calls EM', async (path) => {
    const em = await startEm()
    const proxy = await startKioskProxy(em.url)
    expect((await proxy.get(path)).status).toBe(403)
    expect(em.seen).toHaveLength(0)
  })

  it('refuses every kiosk request with 403 when kiosk mode is off, and still forwards normal ones', async () => {
    const em = await startEm()
    const proxy = await startKioskProxy(em.url, null)
    expect((await proxy.get(SESSIONS)).status).toBe(403)
    expect(em.seen).toHaveLength(0)
    const normal = await send(proxy.port, SESSIONS, { headers: { 'X-RestSvcSessionId': 'nope' } })
    expect(normal.status).toBe(401)
  })

  it('leaves app pages alone even with a kiosk key', async () => {
    const em = await startEm()
    const proxy = await startKioskProxy(em.url)
    expect((await proxy.get('/wall?key=x')).body.toString()).toBe('from app')
  })

  it('never lets the password or its Basic credentials reach a response or a log line', async () => {
    const em = await startEm()
    const proxy = await startKioskProxy(em.url)
    await proxy.get(SESSIONS)
    em.expireAll()
    proxy.advance(60_000)
    await proxy.get(SESSIONS)
    await proxy.get('/api/logonSessions')
    await proxy.get(SESSIONS, { 'X-Kiosk-Key': 'bad' })
    await proxy.get('/dashboard-config.json')
    const seen = `${everything(proxy.answers)}\n${proxy.lines.info.join('\n')}\n${proxy.lines.warn.join('\n')}`
    expect(em.logons()).toBe(2)
    expect(seen).not.toContain(PASSWORD)
    expect(seen).not.toContain(BASIC.slice(6))
    expect(seen).not.toContain('TOKEN-')
  })
})

describe('kiosk coalescing', () => {
  it('serves 20 concurrent identical requests from one EM request', async () => {
    const em = await startEm({ answerMs: 50 })
    const proxy = await startKioskProxy(em.url)
    const answers = await Promise.all(Array.from({ length: 20 }, () => proxy.get(SESSIONS)))
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200))
    expect(new Set(answers.map((a) => a.body.toString())).size).toBe(1)
    expect(em.gets()).toHaveLength(1)
  })

  it("caches for the wall's refresh interval (clamped to 5–300 s), then refreshes once while serving the old answer", async () => {
    const em = await startEm()
    const proxy = await startKioskProxy(em.url)
    const every30s = { 'X-Refresh-Interval': '30' }
    await proxy.get(SESSIONS, every30s)
    proxy.advance(29_000)
    const hit = await proxy.get(SESSIONS, every30s)
    expect([hit.headers['x-kiosk-cache'], hit.headers['x-kiosk-age']]).toEqual(['hit', '29'])
    expect(em.gets()).toHaveLength(1)
    proxy.advance(1_000)
    const stale = await proxy.get(SESSIONS, every30s)
    expect([stale.headers['x-kiosk-cache'], stale.headers['x-kiosk-age']]).toEqual(['stale', '30'])
    await expect.poll(() => em.gets().length).toBe(2)
    const refreshed = await proxy.get(SESSIONS, every30s)
    expect([refreshed.headers['x-kiosk-cache'], refreshed.headers['x-kiosk-age']]).toEqual(['hit', '0'])

    proxy.advance(4_000)
    await proxy.get(SESSIONS, { 'X-Refresh-Interval': '1' })
    expect(em.gets()).toHaveLength(2)
    proxy.advance(1_000)
    expect((await proxy.get(SESSIONS, { 'X-Refresh-Interval': '1' })).headers['x-kiosk-cache']).toBe('stale')
    await expect.poll(() => em.gets().length).toBe(3)
  })

  it('defaults to 15 s without the header', async () => {
    const em = await startEm()
    const proxy = await startKioskProxy(em.url)
    await proxy.get(SESSIONS)
    proxy.advance(14_000)
    await proxy.get(SESSIONS)
    expect(em.gets()).toHaveLength(1)
    proxy.advance(1_000)
    await proxy.get(SESSIONS)
    await expect.poll(() => em.gets().length).toBe(2)
  })

  it('never merges different queries or different formats', async () => {
    const em = await startEm()
    const proxy = await startKioskProxy(em.url)
    await proxy.get(SESSIONS)
    await proxy.get(`${SESSIONS}&filter=Result%3D%3DFailed`)
    await proxy.get(SESSIONS, { Accept: 'application/json' })
    await proxy.get(SESSIONS, { Accept: 'application/json; charset=utf-8' })
    expect(em.gets().map((r) => [r.url, r.headers.accept])).toEqual([
      [SESSIONS, 'application/xml'],
      [`${SESSIONS}&filter=Result%3D%3DFailed`, 'application/xml'],
      [SESSIONS, 'application/json'],
    ])
  })

  it('does not cache errors: after a 503 the next request goes to EM again', async () => {
    let status = 503
    const em = await startEm({ status: () => status })
    const proxy = await startKioskProxy(em.url)
    expect((await proxy.get(SESSIONS)).status).toBe(503)
    status = 200
    expect((await proxy.get(SESSIONS)).status).toBe(200)
    expect(em.gets()).toHaveLength(2)
  })
})

describe('kiosk stale-while-revalidate', () => {
  it('answers at once from the old copy while a slow EM refreshes it, then serves the refreshed one', async () => {
    let answerMs = 0
    const em = await startEm({ answerMs: () => answerMs })
    const proxy = await startKioskProxy(em.url)
    const every30s = { 'X-Refresh-Interval': '30' }
    await proxy.get(SESSIONS, every30s)
    answerMs = 1500
    proxy.advance(45_000)
    const started = Date.now()
    const walls = await Promise.all(Array.from({ length: 10 }, () => proxy.get(SESSIONS, every30s)))
    // Far less than EM's 1.5 s: nobody waited for it.
    expect(Date.now() - started).toBeLessThan(1000)
    expect(walls.map((a) => [a.status, a.headers['x-kiosk-cache'], a.headers['x-kiosk-age']])).toEqual(
      walls.map(() => [200, 'stale', '45']),
    )
    await expect.poll(() => em.gets().length).toBe(2)
    await expect
      .poll(async () => (await proxy.get(SESSIONS, every30s)).headers['x-kiosk-cache'], { timeout: 5000 })
      .toBe('hit')
    expect(em.gets()).toHaveLength(2)
  })

  it('asks EM at most once per interval while refreshes fail, and serves the old copy meanwhile', async () => {
    let status = 200
    const em = await startEm({ status: () => status })
    const proxy = await startKioskProxy(em.url)
    const every30s = { 'X-Refresh-Interval': '30' }
    await proxy.get(SESSIONS, every30s)
    status = 503
    proxy.advance(31_000)
    for (let i = 0; i < 5; i++) expect((await proxy.get(SESSIONS, every30s)).status).toBe(200)
    await expect.poll(() => em.gets().length).toBe(2)
    proxy.advance(20_000)
    expect((await proxy.get(SESSIONS, every30s)).headers['x-kiosk-age']).toBe('51')
    expect(em.gets()).toHaveLength(2)
    proxy.advance(10_000)
    await proxy.get(SESSIONS, every30s)
    await expect.poll(() => em.gets().length).toBe(3)
    await expect.poll(() => proxy.lines.warn.some((line) => /refreshing .* failed/.test(line))).toBe(true)
  })

  it('past the maximum staleness a wall waits for EM again, and gets its error when EM fails', async () => {
    let status = 200
    const em = await startEm({ status: () => status })
    const proxy = await startKioskProxy(em.url)
    const every30s = { 'X-Refresh-Interval': '30' }
    await proxy.get(SESSIONS, every30s)
    status = 503
    proxy.advance(30_000 + MAX_STALE_S * 1000 - 1)
    expect((await proxy.get(SESSIONS, every30s)).headers['x-kiosk-cache']).toBe('stale')
    proxy.advance(1)
    expect((await proxy.get(SESSIONS, every30s)).status).toBe(503)
    status = 200
    const fresh = await proxy.get(SESSIONS, every30s)
    expect([fresh.headers['x-kiosk-cache'], fresh.headers['x-kiosk-age']]).toEqual(['miss', '0'])
  })
})

describe('kiosk logon backoff', () => {
  it('backs off exponentially after a refused logon, logs each step once, and recovers when EM accepts again', async () => {
    let accept = false
    const em = await startFakeEm((req, res) => {
      if (req.method === 'POST') {
        if (!accept) return void res.writeHead(401).end('<Error/>')
        return void res.writeHead(201, { 'X-RestSvcSessionId': 'TOKEN-1' }).end('<LogonSession/>')
      }
      res.writeHead(200, { 'Content-Type': 'application/xml' }).end('<QueryResult/>')
    })
    cleanups.push(() => close(em.server))
    const proxy = await startKioskProxy(em.url)
    const logons = () => em.seen.filter((r) => r.method === 'POST').length
    const refusals = () => proxy.lines.warn.filter((line) => line.includes('refused the logon'))

    // Each step waits twice as long as the one before: 10 s, 20 s, 40 s.
    const steps: number[] = []
    for (const wait of [10_000, 20_000, 40_000]) {
      const answer = await proxy.get(SESSIONS)
      expect(answer.status).toBe(503)
      steps.push(Number(answer.headers['retry-after']))
      for (let i = 0; i < 5; i++) expect((await proxy.get(SESSIONS)).status).toBe(503)
      proxy.advance(wait - 1)
      expect((await proxy.get(SESSIONS)).status).toBe(503)
      proxy.advance(1)
    }
    expect(steps).toEqual([10, 20, 40])
    expect(logons()).toBe(3)
    expect(refusals()).toHaveLength(3)
    expect(refusals()[1]).toContain('next try in 20 s')
    expect(`${proxy.lines.warn.join('\n')}`).not.toContain(PASSWORD)

    accept = true
    expect((await proxy.get(SESSIONS)).status).toBe(200)
    expect(logons()).toBe(4)
    expect(proxy.lines.info.at(-1)).toContain('signed in to EM')
  })
})

describe('kiosk cache size', () => {
  it('is bounded in bytes as well as in entries: large distinct queries push the oldest out', async () => {
    const big = await startFakeEm((req, res) => {
      if (req.method === 'POST') return void res.writeHead(201, { 'X-RestSvcSessionId': 'T' }).end()
      res
        .writeHead(200, { 'Content-Type': 'application/xml' })
        .end(`<QueryResult>${'x'.repeat(4000)}</QueryResult>`)
    })
    cleanups.push(() => close(big.server))
    const proxy = await startKioskProxy(big.url, settings, { cacheBytes: 10_000 })
    const queries = Array.from({ length: 5 }, (_, i) => `${SESSIONS}&filter=Name%3D%3D%22${i}%22`)
    for (const path of queries) expect((await proxy.get(path)).status).toBe(200)
    expect((await proxy.get(queries[4] ?? '')).headers['x-kiosk-cache']).toBe('hit')
    expect((await proxy.get(queries[0] ?? '')).headers['x-kiosk-cache']).toBe('miss')
  })
})

describe('kiosk settings', () => {
  it('names no kiosk credential in the config document', async () => {
    const em = await startEm()
    const proxy = await startProxy({
      contentSecurityPolicy: true,
      env: { EM_URL: em.url, EM_KIOSK_USER: 'CORP\\wall', EM_KIOSK_PASSWORD: PASSWORD, EM_KIOSK_KEY: KEY },
      log: memoryLog().log,
    })
    cleanups.push(proxy.close)
    const config = await send(proxy.port, '/dashboard-config.json')
    expect(config.body.toString()).not.toContain(PASSWORD)
    expect(config.body.toString()).not.toContain(KEY)
    expect((await send(proxy.port, SESSIONS, { headers: { 'X-Kiosk-Key': KEY } })).status).toBe(200)
  })
})
