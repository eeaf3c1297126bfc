// What EM says about caching, cross-origin access and itself never reaches a browser: only an allowlist of its
// response headers passes, through both entries, for a plain answer, a sign-in and a kiosk answer.
import type { ServerResponse } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { type Answer, close, memoryLog, type SeenRequest, send, startFakeEm } from './test-servers.ts'
import { targets } from './test-targets.ts'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const KIOSK_KEY = 'c2b7e04f9a1d6e83b5f0a2c7d94e1b60f3a8c5d2e7b04196'

// Everything a probe saw EM (IIS, HTTP.sys, WCF) or a middlebox in front of it send.
function hostileHeaders(res: ServerResponse): void {
  res.setHeader('Cache-Control', 'public, max-age=3600')
  res.setHeader('Expires', 'Thu, 01 Jan 2099 00:00:00 GMT')
  res.setHeader('Pragma', 'cache')
  res.setHeader('Access-Control-Allow-Origin', '*')
  res.setHeader('Access-Control-Allow-Credentials', 'true')
  res.setHeader('Server', 'Microsoft-HTTPAPI/2.0')
  res.setHeader('X-Powered-By', 'ASP.NET')
  res.setHeader('X-AspNet-Version', '4.0.30319')
  res.setHeader('Content-Security-Policy', "script-src 'unsafe-inline' *")
  res.setHeader('Refresh', '0; url=https://evil.example/')
  res.setHeader('Link', '<https://evil.example/x.js>; rel=preload; as=script')
  res.setHeader('Set-Cookie', 'X-RestSvcSessionId=TOKEN; Path=/api;')
  res.setHeader('WWW-Authenticate', 'Basic Realm=RestSvc')
  res.setHeader('X-Something-New', '1')
  // Look-alikes of the proxy's own headers: only the proxy may say how old a kiosk answer is.
  res.setHeader('X-Kiosk-Age', '0')
  res.setHeader('X-Kiosk-Cache', 'hit')
  res.setHeader('Age', '0')
  res.setHeader('X-Request-Id', 'from-em')
  res.setHeader('Content-Type', 'application/xml; charset=utf-8')
}

function answer(req: SeenRequest, res: ServerResponse): void {
  hostileHeaders(res)
  const body = req.method === 'POST' ? '<LogonSession/>' : '<EnterpriseManager/>'
  res.setHeader('Content-Length', body.length)
  if (req.method === 'POST') res.setHeader('X-RestSvcSessionId', 'TOKEN')
  res.writeHead(req.method === 'POST' ? 201 : 200).end(body)
}

function names(answer: Answer): string[] {
  return [
    ...new Set(answer.rawHeaders.filter((_, i) => i % 2 === 0).map((name) => name.toLowerCase())),
  ].sort()
}

// Node's own framing headers (EM's length passes), then the proxy's (the request id of its log line among
// them); of EM's the allowlist leaves only the content type, its length, and on sign-in the token.
const framing = ['connection', 'content-length', 'date']
const proxyOwn = ['cache-control', 'referrer-policy', 'x-content-type-options', 'x-request-id']

describe.each(targets)('response headers through %s', (_, start) => {
  async function setup() {
    const em = await startFakeEm(answer)
    cleanups.push(() => close(em.server))
    const target = await start({
      env: { EM_URL: em.url, EM_KIOSK_USER: 'wall', EM_KIOSK_PASSWORD: 'pw', EM_KIOSK_KEY: KIOSK_KEY },
      log: memoryLog().log,
    })
    cleanups.push(target.close)
    return target.port
  }

  it('pass only the allowlist on an answer, with no-store', async () => {
    const port = await setup()
    const got = await send(port, '/api/', { headers: { 'X-RestSvcSessionId': 'TOKEN' } })
    expect(got.status).toBe(200)
    expect(names(got)).toEqual([...framing, ...proxyOwn, 'content-type'].sort())
    expect(got.headers['cache-control']).toBe('no-store')
    expect(got.headers['content-type']).toBe('application/xml; charset=utf-8')
  })

  it("pass EM's session header on sign-in, and nothing else of EM's but the content type", async () => {
    const port = await setup()
    const got = await send(port, '/api/sessionMngr/?v=latest', {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from('u:p').toString('base64')}` },
    })
    expect(got.status).toBe(201)
    expect(names(got)).toEqual([...framing, ...proxyOwn, 'content-type', 'x-restsvcsessionid'].sort())
    expect(got.headers['cache-control']).toBe('no-store')
  })

  it('pass only the allowlist on a kiosk answer too', async () => {
    const port = await setup()
    const got = await send(port, '/api/query?type=ReplicaJobSession', {
      headers: { 'X-Kiosk-Key': KIOSK_KEY },
    })
    expect(got.status).toBe(200)
    expect(names(got)).toEqual(
      [...framing, ...proxyOwn, 'content-type', 'x-kiosk-age', 'x-kiosk-cache'].sort(),
    )
    expect(got.headers['cache-control']).toBe('no-store')
    // The proxy's own values, never EM's look-alikes.
    expect(got.headers['x-kiosk-cache']).toBe('miss')
    expect(got.headers['x-kiosk-age']).toBe('0')
    expect(got.headers['x-request-id']).not.toBe('from-em')
  })
})
