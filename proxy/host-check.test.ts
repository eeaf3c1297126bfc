// DNS rebinding: a page on evil.example whose name is made to resolve to the dashboard's address reaches
// `npm run serve` with `Host: evil.example`. Only configured names (loopback by default) and IP literals pass.
import { afterEach, describe, expect, it } from 'vitest'
import { close, exchange, memoryLog, startFakeEm } from './test-servers.ts'
import { startServeTarget } from './test-targets.ts'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function setup(env: Record<string, string> = {}) {
  const em = await startFakeEm((_, res) => res.end('<EnterpriseManager/>'))
  cleanups.push(() => close(em.server))
  const target = await startServeTarget({ env: { EM_URL: em.url, ...env }, log: memoryLog().log })
  cleanups.push(target.close)
  const get = (path: string, host: string | null) =>
    exchange(
      target.port,
      `GET ${path} HTTP/1.1\r\n${host === null ? '' : `Host: ${host}\r\n`}Connection: close\r\n\r\n`,
    )
  return { em, get }
}

describe('npm run serve checks Host', () => {
  it('answers only loopback names and IP literals by default: any other name gets 403, before the app or EM sees it', async () => {
    const { em, get } = await setup()
    for (const host of ['localhost:8080', '127.0.0.1', '[::1]:8080', 'app.localhost', '10.1.2.3:8080']) {
      expect((await get('/', host)).statuses, host).toEqual([200])
    }
    expect((await get('/', null)).statuses).toEqual([400])
    for (const path of ['/', '/api/', '/dashboard-config.json']) {
      const answer = await get(path, 'evil.example:8080')
      expect(answer.statuses, path).toEqual([403])
      expect(answer.text).toContain('ALLOWED_HOSTS')
      expect(answer.text).not.toContain('<title>')
    }
    expect(em.seen).toHaveLength(0)
  })

  it('answers the names in ALLOWED_HOSTS, in any letter case', async () => {
    const { get } = await setup({ ALLOWED_HOSTS: 'dashboard.example.com, wall.example.com' })
    expect((await get('/', 'Dashboard.Example.com')).statuses).toEqual([200])
    expect((await get('/', 'wall.example.com:443')).statuses).toEqual([200])
    expect((await get('/', 'localhost')).statuses).toEqual([200])
    expect((await get('/', 'example.com')).statuses).toEqual([403])
  })
})
