// Runs the shipped nginx configuration for real: Debian's nginx on a loopback port, serving a small dist/ and
// proxying /api/ over verified TLS to a stand-in EM that records what reached it.
import { type ChildProcess, spawn } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import { createServer, type Server } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connect as tlsConnect } from 'node:tls'
import { gunzipSync } from 'node:zlib'
import { generate } from 'selfsigned'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pageSecurityHeaders } from '../security-headers.ts'
import { type Answer, close, listen, securityHeadersOf, send } from '../test-servers.ts'
import { freePort, NGINX, siteConfig, waitForPort } from './nginx-process.ts'

const SHIPPED = readFileSync(new URL('./em-replica-dashboard.conf', import.meta.url), 'utf8')
const TOKEN = 'dG9rZW4tZnJvbS1lbQ=='

interface Seen {
  url: string
  headers: IncomingMessage['headers']
}

// What a probe saw EM (IIS, HTTP.sys, WCF) or a box in front of it send, none of which may reach a browser.
const HOSTILE: Record<string, string> = {
  'Cache-Control': 'public, max-age=3600',
  Expires: 'Thu, 01 Jan 2099 00:00:00 GMT',
  Pragma: 'cache',
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Credentials': 'true',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE',
  'Access-Control-Allow-Headers': '*',
  'Access-Control-Expose-Headers': 'X-RestSvcSessionId',
  'Access-Control-Max-Age': '86400',
  'X-Powered-By': 'ASP.NET',
  'X-AspNet-Version': '4.0.30319',
  'X-AspNetMvc-Version': '5.2',
  'Content-Security-Policy': "script-src 'unsafe-inline' *",
  'Content-Security-Policy-Report-Only': "default-src 'none'",
  'X-Frame-Options': 'ALLOWALL',
  'Strict-Transport-Security': 'max-age=0',
  Refresh: '0; url=https://evil.example/',
  Link: '<https://evil.example/x.js>; rel=preload; as=script',
  Location: 'https://evil.example/',
  'Content-Location': 'https://evil.example/',
  'Persistent-Auth': 'true',
  P3P: 'CP="CAO PSA OUR"',
  'Set-Cookie': 'X-RestSvcSessionId=TOKEN; Path=/api;',
  'WWW-Authenticate': 'Basic Realm=RestSvc',
  'Timing-Allow-Origin': '*',
  'Cross-Origin-Resource-Policy': 'cross-origin',
  ETag: '"abc"',
  'Last-Modified': 'Thu, 01 Jan 2020 00:00:00 GMT',
  Vary: 'Origin',
}

let dir: string
let nginx: ChildProcess | undefined
let em: Server
let port: number
const seen: Seen[] = []

async function certificate(name: string) {
  const pems = await generate([{ name: 'commonName', value: name }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: name },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  })
  return { key: pems.private, cert: pems.cert }
}

/** Writes one raw request over TLS (targets a well-behaved client will not send); resolves with status and text. */
function rawTls(request: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({
      host: '127.0.0.1',
      port,
      servername: 'dashboard.test',
      ca: readFileSync(join(dir, 'site.pem')),
    })
    const chunks: Buffer[] = []
    socket.on('secureConnect', () => socket.write(request, 'latin1'))
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('latin1')
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text })
    })
  })
}

/** One HTTPS request to nginx, trusting the test's dashboard certificate. */
function get(
  path: string,
  init: { method?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  return send(port, path, {
    ...init,
    tls: { ca: readFileSync(join(dir, 'site.pem')), servername: 'dashboard.test' },
  })
}

beforeAll(async () => {
  if (NGINX === undefined) {
    throw new Error(
      'nginx is not installed: on Debian or Ubuntu run `apt-get install -y nginx` (.ci/run does).',
    )
  }
  dir = mkdtempSync(join(tmpdir(), 'em-nginx-'))
  // nginx's workers may run as another user: everything they read must be readable by them.
  chmodSync(dir, 0o755)
  const dist = join(dir, 'dist')
  mkdirSync(join(dist, 'assets'), { recursive: true })
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>dashboard</title>')
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), `console.log(${JSON.stringify('x'.repeat(4000))})`)
  writeFileSync(join(dist, 'version.json'), '{"version":"b1"}')

  const site = await certificate('dashboard.test')
  writeFileSync(join(dir, 'site.pem'), site.cert)
  writeFileSync(join(dir, 'site.key'), site.key)
  const emCert = await certificate('em.test')
  writeFileSync(join(dir, 'em-ca.pem'), emCert.cert)

  // EM as the proxy must meet it: a token header and a cookie on logon, a Basic challenge on a 401.
  em = createServer(emCert, (req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers })
    if ((req.url ?? '').startsWith('/api/hostile')) {
      for (const [name, value] of Object.entries(HOSTILE)) res.setHeader(name, value)
      res.writeHead(200, { 'Content-Type': 'application/xml', 'X-RestSvcSessionId': TOKEN })
      res.end('<EnterpriseManager/>')
      return
    }
    if ((req.url ?? '').startsWith('/api/sessionMngr/')) {
      res.writeHead(201, {
        'X-RestSvcSessionId': TOKEN,
        'Set-Cookie': `X-RestSvcSessionId=${TOKEN}; Path=/api;`,
        'Content-Type': 'application/xml',
      })
      res.end('<LogonSession/>')
      return
    }
    if (req.headers['x-restsvcsessionid'] !== TOKEN) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="EM"', 'Content-Type': 'application/xml' })
      res.end('<Error Message="Unauthorized"/>')
      return
    }
    res.writeHead(200, { 'Content-Type': 'application/xml' })
    res.end('<EnterpriseManager/>')
  })
  const emPort = await listen(em)
  port = await freePort()

  writeFileSync(
    join(dir, 'site.conf'),
    siteConfig(SHIPPED, {
      'listen 443 ssl;': `listen 127.0.0.1:${port} ssl;`,
      'server_name dashboard.example.com;': 'server_name dashboard.test;',
      '/etc/ssl/certs/dashboard.example.com.pem': join(dir, 'site.pem'),
      '/etc/ssl/private/dashboard.example.com.key': join(dir, 'site.key'),
      '/srv/em-replica-dashboard/dist': dist,
      'proxy_pass https://em.example.com:9398;': `proxy_pass https://127.0.0.1:${emPort};`,
      '/etc/ssl/certs/em-ca.pem': join(dir, 'em-ca.pem'),
      'proxy_ssl_name em.example.com;': 'proxy_ssl_name em.test;',
    }),
  )
  const temp = (name: string) => join(dir, name)
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      // As root the workers would become "nobody"; keep them as the test's user.
      process.getuid?.() === 0 ? 'user root;' : '',
      'worker_processes 1;',
      `error_log ${temp('error.log')} warn;`,
      `pid ${temp('nginx.pid')};`,
      'events { worker_connections 64; }',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      `  access_log ${temp('access.log')};`,
      `  client_body_temp_path ${temp('body')}; proxy_temp_path ${temp('proxy')};`,
      `  fastcgi_temp_path ${temp('fastcgi')}; uwsgi_temp_path ${temp('uwsgi')}; scgi_temp_path ${temp('scgi')};`,
      `  include ${join(dir, 'site.conf')};`,
      '}',
    ].join('\n'),
  )
  nginx = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  nginx.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const exited = new Promise<never>((_, reject) =>
    nginx?.once('exit', (code) => reject(new Error(`nginx exited (${code}): ${stderr}`))),
  )
  await Promise.race([waitForPort(port, 10_000), exited])
}, 60_000)

afterAll(async () => {
  if (nginx?.pid !== undefined && nginx.exitCode === null) {
    const stopped = new Promise((resolve) => nginx?.once('exit', resolve))
    process.kill(nginx.pid, 'SIGQUIT')
    await stopped
  }
  if (em) await close(em)
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('the shipped nginx configuration', () => {
  it('serves the app with the security headers, and index.html for deep links, uncached', async () => {
    for (const path of ['/', '/sessions/0bcf5a1e-866c-4b40-8bc3-ce64753b9a6b', '/wall?refresh=30']) {
      const answer = await get(path)
      expect(answer.status, path).toBe(200)
      expect(answer.body.toString()).toContain('<title>dashboard</title>')
      expect(answer.headers['cache-control']).toBe('no-cache')
      expect(securityHeadersOf(answer.headers)).toEqual(pageSecurityHeaders({ contentSecurityPolicy: true }))
    }
    expect((await get('/version.json')).headers['cache-control']).toBe('no-cache')
  })

  it('caches hashed assets for a year, gzips them when asked, and 404s a missing one', async () => {
    const asset = await get('/assets/index-abc123.js', { headers: { 'Accept-Encoding': 'gzip' } })
    expect(asset.status).toBe(200)
    expect(asset.headers['cache-control']).toBe('max-age=31536000')
    expect(asset.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(asset.body).toString()).toContain('console.log')
    expect(asset.headers['x-content-type-options']).toBe('nosniff')
    expect((await get('/assets/gone-000000.js')).status).toBe(404)
  })

  it('forwards sign-in to EM over verified TLS; the token header comes back, the cookie and challenge do not', async () => {
    const logon = await get('/api/sessionMngr/?v=latest', {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` },
    })
    expect(logon.status).toBe(201)
    expect(logon.headers['x-restsvcsessionid']).toBe(TOKEN)
    expect(logon.headers['set-cookie']).toBeUndefined()
    expect(logon.headers['content-security-policy']).toBeDefined()

    const refused = await get('/api/query?type=ReplicaJobSession')
    expect(refused.status).toBe(401)
    expect(refused.headers['www-authenticate']).toBeUndefined()
  })

  it('sends EM no browser cookie: a token in a cookie alone is not a session', async () => {
    const answer = await get('/api/query?type=Job', { headers: { Cookie: `X-RestSvcSessionId=${TOKEN}` } })
    expect(answer.status).toBe(401)
    expect(seen.at(-1)?.headers.cookie).toBeUndefined()
    const withHeader = await get('/api/query?type=Job', { headers: { 'X-RestSvcSessionId': TOKEN } })
    expect(withHeader.status).toBe(200)
  })

  it('forwards nothing outside /api/ and refuses other methods', async () => {
    const before = seen.length
    for (const path of ['/apix', '/api', '/API/query', '/index.html', '/%2e%2e/etc/passwd']) await get(path)
    expect(seen.length).toBe(before)
    expect((await get('/api/query', { method: 'PUT' })).status).toBe(403)
    expect(seen.length).toBe(before)
  })

  it('passes sign-out but no other write: job actions need the Node proxy, which checks and logs them', async () => {
    const job = '2c49a44e-1e59-4527-a6bc-6b2f9b579ee1'
    const before = seen.length
    const headers = { 'X-RestSvcSessionId': TOKEN, Origin: 'https://dashboard.example.com' }
    for (const [method, path] of [
      ['POST', `/api/jobs/${job}?action=start`],
      ['POST', `/api/backupServers/${job}?action=collect`],
      ['POST', `/api/vmReplicaPoints/${job}?action=failover`],
      ['POST', '/api/logonSessions'],
      ['DELETE', `/api/jobs/${job}`],
      ['DELETE', '/api/tasks/task-1'],
      ['DELETE', `/api/logonSessions/${job}?x=1`],
    ] as const) {
      const answer = await get(path, { method, headers })
      expect(answer.status, `${method} ${path}`).toBe(403)
      expect(JSON.parse(answer.body.toString()), path).toMatchObject({ error: 'forbidden' })
    }
    expect(seen.length).toBe(before)
    const signOut = await get(`/api/logonSessions/${job}`, { method: 'DELETE', headers })
    expect(signOut.status).not.toBe(403)
    expect(seen.at(-1)?.url).toBe(`/api/logonSessions/${job}`)
  })

  it.each([
    ['GET /api/..\\..\\x HTTP/1.1'],
    ['GET /api/x\\y HTTP/1.1'],
    ['GET /api/x%5cy HTTP/1.1'],
    ['GET /api/x%5Cy HTTP/1.1'],
    ['GET /api/query%5C..%5C..%5Cx?type=Job HTTP/1.1'],
  ])('refuses a backslash in an /api/ path, raw or encoded: "%s"', async (requestLine) => {
    const before = seen.length
    const answer = await rawTls(`${requestLine}\r\nHost: dashboard.test\r\nConnection: close\r\n\r\n`)
    expect(answer.status).toBe(400)
    expect(seen.length).toBe(before)
  })

  it('forwards to EM only the allowlisted client headers, Authorization on sign-in only', async () => {
    await get('/api/query?type=Job', {
      headers: {
        Accept: 'application/json',
        'X-RestSvcSessionId': TOKEN,
        Authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}`,
        'X-HTTP-Method-Override': 'DELETE',
        'X-Original-URL': '/api/logonSessions',
        'X-Rewrite-URL': '/api/logonSessions',
        'X-Forwarded-For': '10.0.0.1',
        'User-Agent': 'browser',
        Origin: 'https://evil.example',
        Cookie: 'a=b',
      },
    })
    const names = Object.keys(seen.at(-1)?.headers ?? {}).sort()
    expect(names).toEqual(['accept', 'host', 'x-restsvcsessionid'])

    await get('/api/sessionMngr/?v=latest', {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}`,
        'X-Original-URL': '/x',
      },
    })
    expect(Object.keys(seen.at(-1)?.headers ?? {}).sort()).toEqual([
      'authorization',
      'content-length',
      'host',
    ])
  })

  it("passes the browser none of EM's cache, CORS, cookie, challenge or self-description headers; /api/ is no-store", async () => {
    const answer = await get('/api/hostile', { headers: { 'X-RestSvcSessionId': TOKEN } })
    expect(answer.status).toBe(200)
    for (const name of Object.keys(HOSTILE)) {
      const value = answer.headers[name.toLowerCase()]
      expect(value === undefined || !String(value).includes(HOSTILE[name] ?? ''), name).toBe(true)
    }
    expect(answer.headers['cache-control']).toBe('no-store')
    expect(answer.headers['x-frame-options']).toBe('DENY')
    expect(answer.headers['x-restsvcsessionid']).toBeUndefined()
    const refused = await get('/api/query?type=Job')
    expect(refused.status).toBe(401)
    expect(refused.headers['cache-control']).toBe('no-store')
  })

  it('sends HSTS on every answer and never its version', async () => {
    for (const path of ['/', '/assets/index-abc123.js', '/api/query?type=Job', '/assets/gone-000000.js']) {
      const answer = await get(path)
      expect(answer.headers['strict-transport-security'], path).toBe('max-age=31536000')
      expect(answer.headers.server, path).toBe('nginx')
      expect(answer.body.toString(), path).not.toMatch(/nginx\/\d/)
    }
  })

  // Last: it spends this address's sign-in allowance.
  it('limits sign-in attempts per address (limit_req): most of 40 get 429 with Retry-After, EM sees few', async () => {
    const before = seen.length
    const wrong = `Basic ${Buffer.from('admin:wrong').toString('base64')}`
    const answers = await Promise.all(
      Array.from({ length: 40 }, () =>
        get('/api/SESSIONMNGR/?v=latest', { method: 'POST', headers: { Authorization: wrong } }),
      ),
    )
    const refused = answers.filter((answer) => answer.status === 429)
    expect(refused.length).toBeGreaterThanOrEqual(30)
    expect(refused[0]?.headers['retry-after']).toBe('60')
    expect(JSON.parse(refused[0]?.body.toString() ?? '{}')).toMatchObject({ error: 'too_many_attempts' })
    expect(seen.length - before).toBeLessThanOrEqual(10)
    // Reading is not sign-in: the same address still gets its data.
    expect((await get('/api/query?type=Job', { headers: { 'X-RestSvcSessionId': TOKEN } })).status).toBe(200)
  })
})
