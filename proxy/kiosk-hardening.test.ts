// Kiosk mode attacked through both entries: key guessing, a wrong service password, weak keys, and whether
// browser traffic can ever share an EM connection (and so an answer) with the kiosk session.
import { afterEach, describe, expect, it } from 'vitest'
import { MAX_CACHED_BYTES } from './kiosk.ts'
import { type Answer, close, memoryLog, send, startFakeEm } from './test-servers.ts'
import { targets } from './test-targets.ts'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const KEY = '9d41f7b03ce2a85d16b0f4c97e23a8d50c1b6f9e42d7a3c8'
const PASSWORD = 'kiosk-password'
const SESSIONS = '/api/query?type=ReplicaJobSession&format=Entities&pageSize=100&page=1'
const BASIC = `Basic ${Buffer.from(`wall:${PASSWORD}`).toString('base64')}`

/** A stand-in EM that records which connection (client port) each request came on; `padding` bytes per answer. */
async function startEm(padding = 0) {
  const sockets: Array<{ port: number | undefined; token: string | undefined; url: string }> = []
  const em = await startFakeEm((req, res) => {
    if (req.method === 'POST' && req.url.startsWith('/api/sessionMngr/')) {
      if (req.headers.authorization !== BASIC) return void res.writeHead(401).end('<Error/>')
      return void res.writeHead(201, { 'X-RestSvcSessionId': 'KIOSK-TOKEN' }).end('<LogonSession/>')
    }
    res.writeHead(200, { 'Content-Type': 'application/xml' })
    res.end(`<QueryResult url="${req.url}">${'x'.repeat(padding)}</QueryResult>`)
  })
  em.server.on('request', (req) => {
    const token = req.headers['x-restsvcsessionid']
    sockets.push({
      port: req.socket.remotePort,
      token: typeof token === 'string' ? token : undefined,
      url: req.url ?? '',
    })
  })
  cleanups.push(() => close(em.server))
  return { ...em, sockets, logons: () => em.seen.filter((r) => r.method === 'POST').length }
}

describe.each(targets)('kiosk hardening through %s', (_, start) => {
  async function setup(password = PASSWORD, key = KEY, padding = 0) {
    const em = await startEm(padding)
    const { log, lines } = memoryLog()
    const target = await start({
      env: { EM_URL: em.url, EM_KIOSK_USER: 'wall', EM_KIOSK_PASSWORD: password, EM_KIOSK_KEY: key },
      log,
    })
    cleanups.push(target.close)
    return { em, port: target.port, lines }
  }

  it('limits key guesses per client address with 429; the right key from elsewhere still works', async () => {
    const { em, port } = await setup()
    // A wall with an outdated bookmark repeats one wrong key: that guesses nothing and locks out no neighbour.
    const stale = `${KEY.slice(0, -4)}ffff`
    for (let i = 0; i < 40; i++) {
      const answer = await send(port, SESSIONS, {
        headers: { 'X-Kiosk-Key': stale },
        localAddress: '127.0.3.1',
      })
      expect(answer.status).toBe(403)
    }
    const neighbour = await send(port, SESSIONS, {
      headers: { 'X-Kiosk-Key': KEY },
      localAddress: '127.0.3.1',
    })
    expect(neighbour.status).toBe(200)

    const answers: Answer[] = []
    for (let i = 0; i < 100; i++) {
      const guess = `${KEY.slice(0, -4)}${i.toString(16).padStart(4, '0')}`
      answers.push(
        await send(port, SESSIONS, { headers: { 'X-Kiosk-Key': guess }, localAddress: '127.0.3.1' }),
      )
    }
    const refused = answers.filter((a) => a.status === 429)
    expect(refused.length).toBeGreaterThanOrEqual(85)
    expect(Number(refused[0]?.headers['retry-after'])).toBeGreaterThanOrEqual(1)
    // Once limited, even the right key waits: the limit is on the address, not on what it sends.
    const late = await send(port, SESSIONS, { headers: { 'X-Kiosk-Key': KEY }, localAddress: '127.0.3.1' })
    expect(late.status).toBe(429)
    const wall = await send(port, SESSIONS, { headers: { 'X-Kiosk-Key': KEY }, localAddress: '127.0.3.2' })
    expect(wall.status).toBe(200)
    // One logon, shared with the privilege self-check, and one upstream read of the walls' query.
    expect(em.logons()).toBe(1)
    expect(em.sockets.filter((s) => s.url === SESSIONS)).toHaveLength(1)
  })

  it('backs off after the service account is refused: 30 wall requests cost EM one logon, logged once', async () => {
    const { em, port, lines } = await setup('wrong-password')
    const answers: Answer[] = []
    for (let i = 0; i < 30; i++) answers.push(await send(port, SESSIONS, { headers: { 'X-Kiosk-Key': KEY } }))
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 503))
    expect(Number(answers.at(-1)?.headers['retry-after'])).toBeGreaterThanOrEqual(1)
    expect(em.logons()).toBe(1)
    expect(lines.warn.filter((line) => line.includes('refused the logon'))).toHaveLength(1)
  })

  it(`bounds the kiosk cache in bytes: 40 distinct 1 MiB answers push the first out of ${MAX_CACHED_BYTES} bytes`, async () => {
    const { em, port } = await setup(PASSWORD, KEY, 1024 * 1024)
    const query = (i: number) => `${SESSIONS}&filter=Name%3D%3D%22${i}%22`
    for (let i = 0; i < 40; i++) {
      expect((await send(port, query(i), { headers: { 'X-Kiosk-Key': KEY } })).status).toBe(200)
    }
    const cache = async (i: number) =>
      (await send(port, query(i), { headers: { 'X-Kiosk-Key': KEY } })).headers['x-kiosk-cache']
    expect(await cache(39)).toBe('hit')
    expect(await cache(0)).toBe('miss')
    expect(em.sockets.filter((s) => s.url === query(0))).toHaveLength(2)
  })

  it('keeps kiosk requests and browser requests on separate EM connections', async () => {
    const { em, port } = await setup()
    for (let i = 0; i < 5; i++) {
      await send(port, `${SESSIONS}&filter=Name%3D%3D%22${i}%22`, { headers: { 'X-Kiosk-Key': KEY } })
      await send(port, '/api/jobs', { headers: { 'X-RestSvcSessionId': 'BROWSER' } })
    }
    const kioskPorts = new Set(em.sockets.filter((s) => s.token === 'KIOSK-TOKEN').map((s) => s.port))
    const browserPorts = new Set(em.sockets.filter((s) => s.token === 'BROWSER').map((s) => s.port))
    expect(kioskPorts.size).toBeGreaterThan(0)
    expect(browserPorts.size).toBeGreaterThan(0)
    expect([...kioskPorts].filter((p) => browserPorts.has(p))).toEqual([])
  })

  it.each([
    ['a repeated character', 'a'.repeat(40)],
    ['a sequence', 'abcdefghijklmnopqrstuvwxyz0123456789'],
    ['a short key', 'Xq3-9vLr_72mPw0z'],
    ['a word with digits', 'wall-key-0123456789abcdef'],
  ])('refuses to start with %s as the key, printing a command that makes a good one', async (_, key) => {
    const em = await startEm()
    await expect(
      start({
        env: { EM_URL: em.url, EM_KIOSK_USER: 'wall', EM_KIOSK_PASSWORD: PASSWORD, EM_KIOSK_KEY: key },
        log: memoryLog().log,
      }),
    ).rejects.toThrow(/EM_KIOSK_KEY is too easy to guess.*openssl rand -hex 32/s)
  })
})
