import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { memoryLog, send, startProxy } from './test-servers.ts'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

const packageJson: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))

describe('GET /dashboard-config.json', () => {
  it("names EM's host, says it is no emulator, carries the app version and is never cached", async () => {
    const proxy = await startProxy({
      contentSecurityPolicy: false,
      env: { EM_URL: 'https://em.example.com:9398/api' },
      log: memoryLog().log,
    })
    cleanups.push(proxy.close)

    const answer = await send(proxy.port, '/dashboard-config.json')
    expect(answer.status).toBe(200)
    expect(answer.headers['cache-control']).toBe('no-store')
    expect(answer.headers['content-type']).toBe('application/json')
    expect(JSON.parse(answer.body.toString())).toEqual({
      emHost: 'em.example.com:9398',
      emulator: false,
      version: expect.any(String),
    })
    expect(packageJson).toMatchObject({ version: JSON.parse(answer.body.toString()).version })
  })

  it('sends the page headers without a CSP in dev', async () => {
    const proxy = await startProxy({
      contentSecurityPolicy: false,
      env: { EM_URL: 'https://em:9398' },
      log: memoryLog().log,
    })
    cleanups.push(proxy.close)

    const answer = await send(proxy.port, '/')
    expect(answer.headers['content-security-policy']).toBeUndefined()
    expect(answer.headers['x-content-type-options']).toBe('nosniff')
    expect(answer.headers['referrer-policy']).toBe('no-referrer')
    expect(answer.headers['x-frame-options']).toBe('DENY')
  })
})
