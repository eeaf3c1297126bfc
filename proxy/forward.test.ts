import { Agent, type ServerResponse } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { bufferedRequest } from './buffered-request.ts'
import { close, memoryLog, type SeenRequest, send, sendRaw, startFakeEm, startProxy } from './test-servers.ts'

const SESSION_ID = '44cfbdbe-5a95-4156-8867-91f069b7c2cc'
const JOB_ID = '2c49a44e-1e59-4527-a6bc-6b2f9b579ee1'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function setup(answer: (req: SeenRequest, res: ServerResponse) => void = (_, res) => res.end('ok')) {
  const em = await startFakeEm(answer)
  cleanups.push(() => close(em.server))
  const proxy = await startProxy({
    contentSecurityPolicy: true,
    env: { EM_URL: em.url },
    log: memoryLog().log,
  })
  cleanups.push(proxy.close)
  return { em, port: proxy.port }
}

describe('forwarding to EM', () => {
  it('passes method, path and query through, and status, reason and body bytes back', async () => {
    const bytes = Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d, 0xff, 0x00])
    const { em, port } = await setup((_, res) => {
      res.writeHead(400, 'BadRequest', { 'Content-Type': 'application/json', 'Content-Length': bytes.length })
      res.end(bytes)
    })
    const path = '/api/query?type=ReplicaJobSession&filter=name%3D%3D%22a%20b%22&pageSize=5'
    const answer = await send(port, path)

    expect(em.seen).toHaveLength(1)
    expect(em.seen[0]).toMatchObject({ method: 'GET', url: path })
    expect(answer.status).toBe(400)
    expect(answer.statusMessage).toBe('BadRequest')
    expect(answer.body.equals(bytes)).toBe(true)
    expect(answer.headers['content-type']).toBe('application/json')
  })

  it('puts the path prefix of EM_URL in front of every path, for an EM published under a path', async () => {
    const em = await startFakeEm((_, res) => res.end('ok'))
    cleanups.push(() => close(em.server))
    const proxy = await startProxy({
      contentSecurityPolicy: true,
      env: { EM_URL: `${em.url.replace(/\/$/, '')}/veeam/em/api/` },
      log: memoryLog().log,
    })
    cleanups.push(proxy.close)
    const answer = await send(proxy.port, '/api/query?type=Job&pageSize=1')
    expect(answer.status).toBe(200)
    expect(em.seen[0]?.url).toBe('/veeam/em/api/query?type=Job&pageSize=1')
    // Only /api is forwarded still: the prefix is EM's, not a door to the gateway's other paths.
    await send(proxy.port, '/veeam/em/api/jobs')
    expect(em.seen).toHaveLength(1)
  })

  it('sends the kiosk account’s own requests under the prefix too', async () => {
    const em = await startFakeEm((_, res) => res.end('ok'))
    cleanups.push(() => close(em.server))
    const origin = new URL(em.url)
    const agent = new Agent()
    cleanups.push(async () => agent.destroy())
    const upstream = { origin, pathPrefix: '/veeam/em', host: origin.host, agent, timeoutMs: 2000 }
    const answer = await bufferedRequest(upstream, {
      method: 'POST',
      pathAndQuery: '/api/sessionMngr/?v=latest',
      headers: {},
    })
    expect(answer.status).toBe(200)
    expect(em.seen[0]?.url).toBe('/veeam/em/api/sessionMngr/?v=latest')
  })

  it.each([['GET'], ['DELETE'], ['HEAD']])('forwards %s', async (method) => {
    const { em, port } = await setup((_, res) => res.writeHead(204).end())
    const path = `/api/logonSessions/${SESSION_ID}`
    const answer = await send(port, path, { method })
    expect(answer.status).toBe(204)
    expect(em.seen[0]).toMatchObject({ method, url: path })
  })

  it('sends EM only allow-listed headers, the target Host, and never a cookie', async () => {
    const { em, port } = await setup()
    await send(port, '/api/jobs', {
      headers: {
        Accept: 'application/json',
        'X-RestSvcSessionId': 'TOKEN',
        Authorization: 'Basic dXNlcjpwdw==',
        Cookie: 'X-RestSvcSessionId=STALE',
        'User-Agent': 'browser',
        'X-Forwarded-For': '10.0.0.1',
        Referer: 'http://127.0.0.1/sessions',
      },
    })
    expect(em.seen[0]?.headers).toEqual({
      host: `127.0.0.1:${em.port}`,
      accept: 'application/json',
      'x-restsvcsessionid': 'TOKEN',
      connection: 'keep-alive',
    })
  })

  it('passes Authorization on logon only, and frames every POST with a Content-Length of its own', async () => {
    const { em, port } = await setup()
    const headers = { Authorization: 'Basic dXNlcjpwdw==', 'Content-Type': 'text/plain' }
    await send(port, '/api/sessionMngr/?v=latest', { method: 'POST', headers })
    await send(port, '/api/sessionMngr/?v=latest', { method: 'GET', headers })
    const origin = { Origin: `http://127.0.0.1:${port}` }
    await send(port, `/api/jobs/${JOB_ID}?action=start`, {
      method: 'POST',
      headers: { ...headers, ...origin },
    })

    expect(em.seen[0]?.headers).toMatchObject({
      authorization: 'Basic dXNlcjpwdw==',
      'content-type': 'text/plain',
      'content-length': '0',
    })
    expect(em.seen[1]?.headers.authorization).toBeUndefined()
    expect(em.seen[1]?.headers['content-length']).toBeUndefined()
    expect(em.seen[2]?.headers.authorization).toBeUndefined()
    expect(em.seen[2]?.headers['content-type']).toBeUndefined()
    expect(em.seen[2]?.headers['content-length']).toBe('0')
  })

  it("keeps EM's X-RestSvcSessionId on logon, drops its cookie, cache rules and the rest, and adds no-store and security headers", async () => {
    const { port } = await setup((_, res) => {
      res.setHeader('X-RestSvcSessionId', 'NDRjZmJk')
      res.setHeader('Set-Cookie', 'X-RestSvcSessionId=NDRjZmJk; Path=/api;')
      res.setHeader('Server', 'Microsoft-HTTPAPI/2.0')
      res.setHeader('Cache-Control', 'public, max-age=600')
      res.setHeader('Keep-Alive', 'timeout=99')
      res.setHeader('Link', ['<a>; rel="x"', '<b>; rel="y"'])
      res.writeHead(201).end('<LogonSession/>')
    })
    const answer = await send(port, '/api/sessionMngr/?v=latest', { method: 'POST' })

    const names = answer.rawHeaders.filter((_, i) => i % 2 === 0)
    expect(names).toContain('X-RestSvcSessionId')
    expect(answer.headers['x-restsvcsessionid']).toBe('NDRjZmJk')
    expect(answer.headers['set-cookie']).toBeUndefined()
    expect(answer.headers['keep-alive']).toBeUndefined()
    expect(answer.headers.server).toBeUndefined()
    expect(answer.headers.link).toBeUndefined()
    expect(answer.headers['cache-control']).toBe('no-store')
    expect(answer.headers['x-content-type-options']).toBe('nosniff')
    expect(answer.headers['referrer-policy']).toBe('no-referrer')
    expect(answer.body.toString()).toBe('<LogonSession/>')
  })

  it("passes EM's session header back from logon only", async () => {
    const { port } = await setup((_, res) => {
      res.setHeader('X-RestSvcSessionId', 'NDRjZmJk')
      res.end('<x/>')
    })
    const answer = await send(port, '/api/jobs', { headers: { 'X-RestSvcSessionId': 'T' } })
    expect(answer.headers['x-restsvcsessionid']).toBeUndefined()
  })

  it("drops EM's Basic challenge so the browser shows no password prompt of its own, but keeps the 401", async () => {
    const { port } = await setup((_, res) => {
      res.setHeader('WWW-Authenticate', 'Basic Realm=RestSvc')
      res.writeHead(401, 'Unauthorized').end('{"StatusCode":401}')
    })
    const answer = await send(port, '/api/jobs')
    expect(answer.status).toBe(401)
    expect(answer.headers['www-authenticate']).toBeUndefined()
    expect(answer.body.toString()).toBe('{"StatusCode":401}')
  })

  it.each([['/'], ['/sessions?result=Failed'], ['/apix'], ['/src/main.tsx']])(
    'hands %s to the app with page security headers',
    async (path) => {
      const { em, port } = await setup()
      const answer = await send(port, path)
      expect(answer.body.toString()).toBe('from app')
      expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'")
      expect(answer.headers['x-frame-options']).toBe('DENY')
      expect(em.seen).toHaveLength(0)
    },
  )

  it.each([
    ['GET http://evil.example/api/ HTTP/1.1', 'request target must be a path'],
    ['GET /api/../x HTTP/1.1', 'dot segment'],
    ['GET /api/%2e%2e/x HTTP/1.1', 'dot segment'],
    ['GET /api%2f..%2fx HTTP/1.1', 'encoded slash'],
    ['GET /api/x%5cy HTTP/1.1', 'encoded slash or backslash'],
    ['GET /api/x\\y HTTP/1.1', 'backslash'],
    ['GET /api/x%00 HTTP/1.1', 'control character'],
    ['GET /api/x%g0 HTTP/1.1', 'malformed percent-encoding'],
  ])('refuses "%s" with a 400 JSON error and never calls EM', async (requestLine, message) => {
    const { em, port } = await setup()
    const answer = await sendRaw(port, requestLine)
    expect(answer.status).toBe(400)
    expect(JSON.parse(answer.body)).toEqual({
      error: 'bad_request',
      message: expect.stringContaining(message),
    })
    expect(em.seen).toHaveLength(0)
  })

  it('refuses a raw NUL in the target without calling EM', async () => {
    const { em, port } = await setup()
    const answer = await sendRaw(port, 'GET /api/x\0y HTTP/1.1')
    expect(answer.status).toBe(400)
    expect(em.seen).toHaveLength(0)
  })

  it('asks again once on a fresh connection when EM closed a pooled one just as it was reused (reads and sign-in only)', async () => {
    // EM (and the emulator: Node's 5 s keep-alive) closes idle connections; one closed as the proxy reuses it would
    // fail a sign-in as "cannot reach EM". Here EM drops every connection at its second request.
    const perSocket = new Map<unknown, number>()
    const { em, port } = await setup((req, res) => res.end(`answer for ${req.url}`))
    em.server.prependListener('request', (req) => {
      const count = (perSocket.get(req.socket) ?? 0) + 1
      perSocket.set(req.socket, count)
      if (count === 2) req.socket.destroy()
    })
    const origin = { Origin: `http://127.0.0.1:${port}` }
    const ask = (path: string, method = 'GET') => send(port, path, { method, headers: origin })
    expect((await ask('/api/a')).status).toBe(200)
    const reused = await ask('/api/b')
    expect(reused.status).toBe(200)
    expect(reused.body.toString()).toBe('answer for /api/b')
    expect((await ask('/api/sessionMngr/?v=latest', 'POST')).status).toBe(200)
    // A job action is not asked twice: EM may have started it before the connection dropped.
    expect((await ask('/api/c')).status).toBe(200)
    expect((await ask(`/api/jobs/${JOB_ID}?action=start`, 'POST')).status).toBe(502)
    expect(em.seen.filter((seen) => seen.method === 'POST' && seen.url.includes('action='))).toHaveLength(1)
  })

  it.each([['PUT'], ['PATCH'], ['OPTIONS']])('refuses %s on /api with 405 and Allow', async (method) => {
    const { em, port } = await setup()
    const answer = await send(port, '/api/jobs', { method })
    expect(answer.status).toBe(405)
    expect(answer.headers.allow).toBe('GET, HEAD, POST, DELETE')
    expect(JSON.parse(answer.body.toString())).toMatchObject({ error: 'method_not_allowed' })
    expect(em.seen).toHaveLength(0)
  })
})
