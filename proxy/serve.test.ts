import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pageSecurityHeaders } from './security-headers.ts'
import { type RunningServer, serve } from './serve.ts'
import { close, memoryLog, securityHeadersOf, send, sendRaw, startFakeEm } from './test-servers.ts'

// One temp folder per run holds dist/ and, beside it, a file the server must never read: removed whole at the end.
let parent: string
let dist: string
let app: RunningServer
let em: Awaited<ReturnType<typeof startFakeEm>>
let port: number

beforeAll(async () => {
  parent = mkdtempSync(join(tmpdir(), 'serve-test-'))
  dist = join(parent, 'dist')
  mkdirSync(join(dist, 'assets'), { recursive: true })
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><title>app</title><script src="/assets/app-abc123.js"></script>',
  )
  writeFileSync(join(dist, 'assets', 'app-abc123.js'), 'console.log("app")')
  writeFileSync(join(dist, 'version.json'), '{"version":"b1"}')
  writeFileSync(join(parent, 'serve-secret.txt'), 'outside dist')
  // A fake EM that answers a logon the way EM does, cookie included.
  em = await startFakeEm((req, res) => {
    res.writeHead(req.url.startsWith('/api/sessionMngr/') ? 201 : 200, {
      'X-RestSvcSessionId': 'dG9rZW4=',
      'Set-Cookie': 'X-RestSvcSessionId=dG9rZW4=; Path=/api;',
      'Content-Type': 'application/xml',
    })
    res.end('<LogonSession/>')
  })
  app = await serve({ root: dist, host: '127.0.0.1', port: 0, env: { EM_URL: em.url }, log: memoryLog().log })
  port = Number(new URL(app.url).port)
})

afterAll(async () => {
  await app.close()
  await close(em.server)
  rmSync(parent, { recursive: true, force: true })
})

describe('npm run serve', () => {
  it('serves index.html for app paths, uncached, with the security headers and the CSP', async () => {
    for (const path of ['/', '/sessions/0bcf5a1e-866c-4b40-8bc3-ce64753b9a6b', '/wall?refresh=30']) {
      const answer = await send(port, path)
      expect(answer.status, path).toBe(200)
      expect(answer.body.toString()).toContain('<title>app</title>')
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(answer.headers['cache-control']).toBe('no-cache')
      expect(securityHeadersOf(answer.headers)).toEqual(pageSecurityHeaders({ contentSecurityPolicy: true }))
    }
  })

  it('caches hashed assets for a year, the version document not at all, and 404s a missing asset', async () => {
    const asset = await send(port, '/assets/app-abc123.js')
    expect(asset.status).toBe(200)
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect((await send(port, '/version.json')).headers['cache-control']).toBe('no-cache')
    const missing = await send(port, '/assets/gone-000000.js')
    expect(missing.status).toBe(404)
    expect(missing.body.toString()).not.toContain('<title>')
  })

  it('reads nothing outside dist/', async () => {
    for (const target of [
      '/../serve-secret.txt',
      '/%2e%2e/serve-secret.txt',
      '/assets/..%2f..%2fserve-secret.txt',
    ]) {
      const answer = await sendRaw(port, `GET ${target} HTTP/1.1`)
      expect(answer.body, target).not.toContain('outside dist')
    }
  })

  it('forwards /api to EM: the token header comes back, the cookie does not', async () => {
    const answer = await send(port, '/api/sessionMngr/?v=latest', {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` },
    })
    expect(answer.status).toBe(201)
    expect(answer.headers['x-restsvcsessionid']).toBe('dG9rZW4=')
    expect(answer.headers['set-cookie']).toBeUndefined()
    expect(em.seen.at(-1)?.url).toBe('/api/sessionMngr/?v=latest')
  })

  it('serves the config document naming the EM it forwards to', async () => {
    const answer = await send(port, '/dashboard-config.json')
    expect(JSON.parse(answer.body.toString())).toMatchObject({ emulator: false })
  })

  it('refuses to start without a built app, saying how to build one', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'serve-empty-'))
    await expect(serve({ root: empty, host: '127.0.0.1', port: 0, env: { EM_URL: em.url } })).rejects.toThrow(
      'run `npm run build` first',
    )
    rmSync(empty, { recursive: true, force: true })
  })
})
