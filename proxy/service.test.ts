// `npm run serve` as a service: /healthz and /readyz, /metrics on its own address, and a graceful SIGTERM, each
// through the real server against a stand-in EM.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { type RunningServer, serve } from './serve.ts'
import { close, memoryLog, type SeenRequest, send, startFakeEm } from './test-servers.ts'

const KEY = '9d4f1a7c2e8b5031f6a9c4d7e2b8f5a1c3e6d9b2f7a4c8e1'
const SESSION_ID = '44cfbdbe-5a95-4156-8867-91f069b7c2cc'
const TOKEN = Buffer.from(SESSION_ID).toString('base64')

const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** A stand-in EM: logon, its entry point, replica sessions for anyone signed in, jobs refused (a Portal User), logoff. */
async function startEm(options: { queryMs?: number } = {}) {
  const em = await startFakeEm((req: SeenRequest, res) => {
    if (req.method === 'POST' && req.url.startsWith('/api/sessionMngr/')) {
      res.writeHead(201, { 'X-RestSvcSessionId': TOKEN, 'Content-Type': 'application/xml' })
      return void res.end(`<LogonSession><SessionId>${SESSION_ID}</SessionId></LogonSession>`)
    }
    if (req.url === '/api/') return void res.writeHead(200).end('<EnterpriseManager/>')
    if (req.headers['x-restsvcsessionid'] !== TOKEN) return void res.writeHead(401).end('<Error/>')
    if (req.method === 'DELETE') return void res.writeHead(204).end()
    if (req.url.includes('type=Job&')) return void res.writeHead(403).end('<Error/>')
    setTimeout(
      () => res.writeHead(200, { 'Content-Type': 'application/xml' }).end('<QueryResult/>'),
      options.queryMs ?? 0,
    )
  })
  cleanups.push(() => close(em.server))
  return em
}

async function startServe(env: Record<string, string>, port = 0) {
  const dist = mkdtempSync(join(tmpdir(), 'service-dist-'))
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>')
  cleanups.push(() => rmSync(dist, { recursive: true, force: true }))
  const { log, lines } = memoryLog()
  const running: RunningServer = await serve({ root: dist, host: '127.0.0.1', port, env, log })
  cleanups.push(() => running.close())
  return { running, port: Number(new URL(running.url).port), lines }
}

const kioskEnv = (emUrl: string) => ({
  EM_URL: emUrl,
  EM_KIOSK_USER: 'CORP\\svc-wall',
  EM_KIOSK_PASSWORD: 'wall-password-1',
  EM_KIOSK_KEY: KEY,
})

function json(body: Buffer): unknown {
  return JSON.parse(body.toString('utf8'))
}

describe('/healthz and /readyz', () => {
  it('/healthz says the process is up, as uncached JSON, whatever EM does', async () => {
    const { port } = await startServe({ EM_URL: 'http://127.0.0.1:9' })
    const answer = await send(port, '/healthz')
    expect(answer.status).toBe(200)
    expect(answer.headers['content-type']).toBe('application/json')
    expect(answer.headers['cache-control']).toBe('no-store')
    expect(json(answer.body)).toMatchObject({ status: 'ok', version: expect.any(String) })
    expect((await send(port, '/healthz', { method: 'POST' })).status).toBe(405)
  })

  it('/readyz is ready when EM answers (an idle proxy asks its entry point), and 503 when it does not', async () => {
    const em = await startEm()
    const { port } = await startServe({ EM_URL: em.url })
    const ready = await send(port, '/readyz')
    expect(ready.status).toBe(200)
    expect(ready.headers['cache-control']).toBe('no-store')
    expect(json(ready.body)).toEqual({
      status: 'ready',
      em: { ok: true, lastAnswerSecondsAgo: 0 },
      kiosk: { mode: 'off' },
    })
    expect(em.seen.map((r) => r.url)).toEqual(['/api/'])
    // Within the interval EM's last answer stands: no second probe.
    await send(port, '/readyz')
    expect(em.seen).toHaveLength(1)

    const down = await startServe({ EM_URL: 'http://127.0.0.1:9' })
    const notReady = await send(down.port, '/readyz')
    expect(notReady.status).toBe(503)
    expect(json(notReady.body)).toMatchObject({
      status: 'not_ready',
      em: { ok: false, lastAnswerSecondsAgo: null },
    })
  })

  it('in kiosk mode /readyz waits for the kiosk session and reports what the account cannot read, and no secret', async () => {
    const em = await startEm()
    const { port } = await startServe(kioskEnv(em.url))
    await expect
      .poll(async () => json((await send(port, '/readyz')).body), { timeout: 5000 })
      .toMatchObject({ kiosk: { access: 'checked' } })
    const answer = await send(port, '/readyz')
    expect(answer.status).toBe(200)
    expect(json(answer.body)).toMatchObject({
      status: 'ready',
      kiosk: { mode: 'on', ok: true, session: 'signed-in', reduced: ['jobs not readable by this account'] },
    })
    const text = answer.body.toString()
    for (const secret of [KEY, 'wall-password-1', TOKEN, 'svc-wall', em.url])
      expect(text).not.toContain(secret)
  })
})

describe('/metrics', () => {
  it('is off by default: the public port answers /metrics with the app, like any path', async () => {
    const { port } = await startServe({ EM_URL: 'http://127.0.0.1:9' })
    const answer = await send(port, '/metrics')
    expect(answer.body.toString()).toContain('<title>app</title>')
  })

  it('with METRICS=1 it is served on METRICS_ADDR only, in Prometheus text format, counting requests', async () => {
    const em = await startEm()
    const { running, port } = await startServe({
      ...kioskEnv(em.url),
      METRICS: '1',
      METRICS_ADDR: '127.0.0.1:0',
    })
    const metricsUrl = new URL(running.metricsUrl ?? '')
    expect(Number(metricsUrl.port)).not.toBe(port)
    expect((await send(port, '/metrics')).body.toString()).not.toContain('em_dashboard_')
    await send(port, '/api/query?type=ReplicaJobSession', { headers: { 'X-Kiosk-Key': KEY } })
    await send(port, '/api/query?type=ReplicaJobSession', { headers: { 'X-Kiosk-Key': KEY } })
    const scrape = await send(Number(metricsUrl.port), '/metrics')
    expect(scrape.status).toBe(200)
    expect(scrape.headers['content-type']).toContain('text/plain')
    const text = scrape.body.toString()
    expect(text).toMatch(
      /em_dashboard_http_requests_total\{route="kiosk\/query",method="GET",status="200"\} 2/,
    )
    expect(text).toMatch(/em_dashboard_kiosk_cache_requests_total\{result="hit"\} 1/)
    expect(text).toMatch(/em_dashboard_kiosk_cache_requests_total\{result="miss"\} 1/)
    expect(text).toMatch(/em_dashboard_kiosk_logons_total\{result="success"\} 1/)
    expect(text).toMatch(/em_dashboard_em_request_duration_seconds_count\{source="kiosk"\} \d+/)
    expect(text).toMatch(/em_dashboard_process_resident_memory_bytes \d+/)
    expect((await send(Number(metricsUrl.port), '/')).status).toBe(404)
  })

  it('is served on the public port only when METRICS_ADDR names it', async () => {
    const probe = await startServe({ EM_URL: 'http://127.0.0.1:9' })
    const freePort = probe.port
    await probe.running.close()
    const { running, port } = await startServe(
      { EM_URL: 'http://127.0.0.1:9', METRICS: '1', METRICS_ADDR: `127.0.0.1:${freePort}` },
      freePort,
    )
    expect(running.metricsUrl).toBe(`http://127.0.0.1:${port}/metrics`)
    expect((await send(port, '/metrics')).body.toString()).toContain('em_dashboard_http_requests_total')
  })

  it('refuses a bad METRICS_ADDR with a readable message', async () => {
    await expect(
      startServe({ EM_URL: 'http://127.0.0.1:9', METRICS: '1', METRICS_ADDR: 'localhost' }),
    ).rejects.toThrow(/METRICS_ADDR must be host:port/)
  })
})

describe('behind nginx', () => {
  it('keeps idle connections open longer than the shipped nginx keeps its upstream ones, so nginx closes first', async () => {
    const { running } = await startServe({ EM_URL: 'http://127.0.0.1:9' })
    const shipped = readFileSync(new URL('./nginx/em-replica-dashboard-node.conf', import.meta.url), 'utf8')
    const upstream = /upstream em_replica_dashboard \{([^}]*)\}/.exec(shipped)?.[1] ?? ''
    const nginxSeconds = Number(/^\s*keepalive_timeout (\d+)s;/m.exec(upstream)?.[1])
    expect(nginxSeconds).toBeGreaterThan(0)
    // A second of margin: nginx's and Node's timers run on their own.
    expect(running.server.keepAliveTimeout).toBeGreaterThanOrEqual(nginxSeconds * 1000 + 1000)
  })
})

describe('graceful shutdown', () => {
  it('stops accepting, finishes the request in flight, logs the kiosk account off EM, then stops', async () => {
    const em = await startEm({ queryMs: 600 })
    const { running, port, lines } = await startServe(kioskEnv(em.url))
    await expect.poll(() => em.seen.some((r) => r.method === 'POST')).toBe(true)
    const inFlight = send(port, '/api/query?type=ReplicaJobSession&format=Entities&pageSize=100&page=1', {
      headers: { 'X-Kiosk-Key': KEY },
    })
    await expect.poll(() => em.seen.some((r) => r.url.includes('pageSize=100&page=1'))).toBe(true)
    const stopped = running.shutdown()
    await expect.poll(() => lines.info.some((line) => line.startsWith('Shutting down'))).toBe(true)
    await expect(send(port, '/healthz')).rejects.toThrow(/ECONNREFUSED/)
    const answer = await inFlight
    expect(answer.status).toBe(200)
    expect(answer.headers.connection).toBe('close')
    await stopped
    expect(em.seen.at(-1)).toMatchObject({ method: 'DELETE', url: `/api/logonSessions/${SESSION_ID}` })
    expect(lines.info).toEqual(expect.arrayContaining(['Finished the 1 request(s) in flight', 'Stopped']))
  })

  it('cuts a request still running when the bound is up', async () => {
    const em = await startEm({ queryMs: 5000 })
    const { running, port, lines } = await startServe({ ...kioskEnv(em.url), SHUTDOWN_TIMEOUT_MS: '200' })
    const inFlight = send(port, '/api/query?type=ReplicaJobSession&format=Entities&pageSize=100&page=2', {
      headers: { 'X-Kiosk-Key': KEY },
    }).then(
      () => 'answered',
      () => 'cut',
    )
    await expect.poll(() => em.seen.some((r) => r.url.includes('pageSize=100&page=2'))).toBe(true)
    const started = Date.now()
    await running.shutdown()
    expect(Date.now() - started).toBeLessThan(3000)
    expect(await inFlight).toBe('cut')
    expect(lines.info.some((line) => /^Cut 1 of 1 request/.test(line))).toBe(true)
  })
})
