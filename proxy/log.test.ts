// The structured log: JSON lines from pino with a request id, readable on a terminal, and never a secret,
// checked on the real logger's output through the real server.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { createProxyLogger } from './log.ts'
import { prettyLine } from './pretty-line.ts'
import { redactQuery } from './request-observer.ts'
import { serve } from './serve.ts'
import { close, send, startFakeEm } from './test-servers.ts'

const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** A stream that keeps what the logger wrote; `isTTY` as asked. */
function capture(isTTY = false) {
  const chunks: string[] = []
  const out = Object.assign(
    new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        chunks.push(chunk.toString())
        done()
      },
    }),
    { isTTY },
  )
  return { out, text: () => chunks.join(''), events: () => parse(chunks.join('')) }
}

function parse(text: string): Array<Record<string, unknown>> {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const value: unknown = JSON.parse(line)
      if (typeof value !== 'object' || value === null) throw new Error(`not a JSON object: ${line}`)
      return { ...value }
    })
}

describe('createProxyLogger', () => {
  it('writes one JSON object per line, with fields, level and time', () => {
    const { out, events } = capture()
    const log = createProxyLogger({ out })
    log.info('plain line')
    log.warn({ event: 'kiosk_refresh_failed', path: '/api/query' }, 'refresh failed')
    expect(events()).toEqual([
      expect.objectContaining({ level: 30, msg: 'plain line', time: expect.any(Number) }),
      expect.objectContaining({
        level: 40,
        msg: 'refresh failed',
        event: 'kiosk_refresh_failed',
        path: '/api/query',
      }),
    ])
  })

  it('turns a line that is one JSON object (a module writing its own JSON lines) into fields', () => {
    const { out, events } = capture()
    createProxyLogger({ out }).info(
      JSON.stringify({ event: 'job_action', action: 'start', job: 'Replica A' }),
    )
    expect(events()[0]).toMatchObject({
      event: 'job_action',
      action: 'start',
      job: 'Replica A',
      msg: 'job_action',
    })
  })

  it('redacts secret-named fields, should a module ever log one', () => {
    const { out, text } = capture()
    createProxyLogger({ out }).info({ password: 'pw-123', nested: { token: 'tok-456' } }, 'oops')
    expect(text()).not.toMatch(/pw-123|tok-456/)
  })

  it('prints readable lines, not JSON, on a terminal', () => {
    const { out, text } = capture(true)
    createProxyLogger({ out }).info({ event: 'request', status: 200 }, 'GET /api/query 200')
    expect(text()).toMatch(/^\d\d:\d\d:\d\d INFO {2}GET \/api\/query 200 event=request status=200\n$/)
    expect(prettyLine('not json')).toBe('not json\n')
  })
})

describe('redactQuery', () => {
  it('replaces the values of secret-looking parameters and keeps the rest', () => {
    expect(redactQuery('/wall?refresh=30&key=abc&theme=dark')).toBe(
      '/wall?refresh=30&key=[redacted]&theme=dark',
    )
    expect(redactQuery('/x?Password=1&%6Bey=2&token=3')).toBe(
      '/x?Password=[redacted]&%6Bey=[redacted]&token=[redacted]',
    )
    expect(redactQuery('/api/query?type=Job&filter=Name%3D%3Dkey')).toBe(
      '/api/query?type=Job&filter=Name%3D%3Dkey',
    )
  })
})

describe('the log of npm run serve', () => {
  const KEY = 'f3b9d2a7c1e84650b2d9f7a3c6e1b8d4a2f7c9e3b5d1a86'
  const KIOSK_PASSWORD = 'kiosk-Pa55-word!'
  const USER_PASSWORD = 'desk-Pa55-word!'
  const TOKEN = 'c2Vzc2lvbi10b2tlbi1mcm9tLWVt'

  it('has one line per request with its id, the id on events the request set off, and no token, password or key', async () => {
    let kioskLogons = 0
    const em = await startFakeEm((req, res) => {
      if (req.method === 'POST') {
        const basic = Buffer.from((req.headers.authorization ?? '').slice(6), 'base64').toString()
        if (basic.endsWith(KIOSK_PASSWORD)) kioskLogons += 1
        res.writeHead(201, { 'X-RestSvcSessionId': TOKEN, 'Content-Type': 'application/xml' })
        return void res.end(
          '<LogonSession><SessionId>0bcf5a1e-866c-4b40-8bc3-ce64753b9a6b</SessionId></LogonSession>',
        )
      }
      if (req.headers['x-restsvcsessionid'] !== TOKEN) return void res.writeHead(401).end('<Error/>')
      res.writeHead(200, { 'Content-Type': 'application/xml' }).end('<QueryResult/>')
    })
    cleanups.push(() => close(em.server))
    const dist = mkdtempSync(join(tmpdir(), 'log-dist-'))
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>')
    cleanups.push(() => rmSync(dist, { recursive: true, force: true }))
    const { out, text, events } = capture()
    const running = await serve({
      root: dist,
      host: '127.0.0.1',
      port: 0,
      env: {
        EM_URL: em.url,
        EM_KIOSK_USER: 'CORP\\wall',
        EM_KIOSK_PASSWORD: KIOSK_PASSWORD,
        EM_KIOSK_KEY: KEY,
      },
      log: createProxyLogger({ out }),
    })
    cleanups.push(() => running.close())
    const port = Number(new URL(running.url).port)
    await expect.poll(() => kioskLogons).toBe(1)
    // A desk sign-in and read, an old wall bookmark with ?key=, a wrong key, and a wall read with the key.
    const basic = `Basic ${Buffer.from(`alice:${USER_PASSWORD}`).toString('base64')}`
    expect(
      (await send(port, '/api/sessionMngr/?v=latest', { method: 'POST', headers: { Authorization: basic } }))
        .status,
    ).toBe(201)
    await send(port, '/api/query?type=ReplicaJobSession', { headers: { 'X-RestSvcSessionId': TOKEN } })
    await send(port, `/wall?refresh=30&key=${KEY}`)
    await send(port, '/api/query?type=ReplicaJobSession', {
      headers: { 'X-Kiosk-Key': 'wrong-key-0000000000' },
    })
    const wall = await send(port, '/api/query?type=ReplicaJobSession&format=Entities&pageSize=100&page=1', {
      headers: { 'X-Kiosk-Key': KEY },
    })
    expect(wall.status).toBe(200)

    const all = text()
    for (const secret of [KEY, KIOSK_PASSWORD, USER_PASSWORD, TOKEN, basic.slice(6)])
      expect(all).not.toContain(secret)
    const requests = events().filter((event) => event.event === 'request')
    expect(requests.map((event) => [event.method, event.url, event.status])).toEqual([
      ['POST', '/api/sessionMngr/?v=latest', 201],
      ['GET', '/api/query?type=ReplicaJobSession', 200],
      ['GET', '/wall?refresh=30&key=[redacted]', 200],
      ['GET', '/api/query?type=ReplicaJobSession', 403],
      ['GET', '/api/query?type=ReplicaJobSession&format=Entities&pageSize=100&page=1', 200],
    ])
    const ids = requests.map((event) => event.reqId)
    expect(new Set(ids).size).toBe(5)
    expect(wall.headers['x-request-id']).toBe(ids[4])
  })

  it("tags an event a request set off with that request's id", async () => {
    const em = await startFakeEm((req, res) => {
      if (req.method === 'POST') {
        res.writeHead(201, { 'X-RestSvcSessionId': TOKEN })
        return void res.end('<LogonSession/>')
      }
      // The first read says the session is gone: the wall's request makes the kiosk log on again.
      if (em.seen.filter((r) => r.method === 'GET').length === 3)
        return void res.writeHead(401).end('<Error/>')
      res.writeHead(200, { 'Content-Type': 'application/xml' }).end('<QueryResult/>')
    })
    cleanups.push(() => close(em.server))
    const dist = mkdtempSync(join(tmpdir(), 'log-dist-'))
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>')
    cleanups.push(() => rmSync(dist, { recursive: true, force: true }))
    const { out, events } = capture()
    const running = await serve({
      root: dist,
      host: '127.0.0.1',
      port: 0,
      env: {
        EM_URL: em.url,
        EM_KIOSK_USER: 'CORP\\wall',
        EM_KIOSK_PASSWORD: KIOSK_PASSWORD,
        EM_KIOSK_KEY: KEY,
      },
      log: createProxyLogger({ out }),
    })
    cleanups.push(() => running.close())
    const port = Number(new URL(running.url).port)
    // The self-check: one logon, two reads.
    await expect.poll(() => em.seen.length).toBe(3)
    const wall = await send(port, '/api/query?type=ReplicaJobSession&format=Entities&pageSize=100&page=1', {
      headers: { 'X-Kiosk-Key': KEY },
    })
    expect(wall.status).toBe(200)
    const logons = events().filter((event) => event.msg === 'Kiosk: signed in to EM as CORP\\wall')
    expect(logons).toHaveLength(2)
    expect(logons[0]?.reqId).toBeUndefined()
    expect(logons[1]?.reqId).toBe(wall.headers['x-request-id'])
  })
})
