// Runs the shipped nginx configuration for real: Debian's nginx on a loopback port, serving a small dist/ and
// proxying /api/ over verified TLS to a stand-in EM that records what reached it.
import { type ChildProcess, spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import { createServer, type Server } from 'node:https'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { generate } from 'selfsigned'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pageSecurityHeaders } from '../security-headers.ts'
import { type Answer, close, listen, securityHeadersOf, send } from '../test-servers.ts'

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path))
const SHIPPED = readFileSync(new URL('./em-replica-dashboard.conf', import.meta.url), 'utf8')
const TOKEN = 'dG9rZW4tZnJvbS1lbQ=='

interface Seen {
  url: string
  headers: IncomingMessage['headers']
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

/** The shipped file with every CHANGE: value replaced for this test; fails if a replacement found nothing. */
function siteConfig(values: Record<string, string>): string {
  let text = SHIPPED
  for (const [from, to] of Object.entries(values)) {
    if (!text.includes(from)) throw new Error(`the shipped config no longer contains ${from}`)
    text = text.replaceAll(from, to)
  }
  return text
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const found = typeof address === 'object' && address !== null ? address.port : 0
      probe.close(() => resolve(found))
    })
  })
}

function waitForPort(target: number, ms: number): Promise<void> {
  const until = Date.now() + ms
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = connect(target, '127.0.0.1')
      socket.once('connect', () => {
        socket.destroy()
        resolve()
      })
      socket.once('error', () => {
        socket.destroy()
        if (Date.now() > until) reject(new Error(`nginx did not listen on ${target}`))
        else setTimeout(attempt, 50)
      })
    }
    attempt()
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
    siteConfig({
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
})
