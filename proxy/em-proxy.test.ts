import { describe, expect, it } from 'vitest'
import { createEmProxy } from './em-proxy.ts'
import { memoryLog, send, startProxy } from './test-servers.ts'

// A stand-in for emulator/main.ts: a real HTTP server in a child process that announces itself the same way.
const fakeEmulator = `
const http = require('node:http')
const server = http.createServer((req, res) => {
  res.end('<EnterpriseManager Seen="' + req.url + '"/>')
})
server.listen(0, '127.0.0.1', () => {
  console.log('EM emulator listening on http://127.0.0.1:' + server.address().port + '/api/ (3 sessions, seed 1)')
})
`

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe('createEmProxy without EM_URL', () => {
  it('starts the emulator as a child, forwards to it, reports it, and stops it on close', async () => {
    const { log, lines } = memoryLog()
    const proxy = await startProxy({
      contentSecurityPolicy: true,
      env: {},
      log,
      emulator: { command: { command: process.execPath, args: ['-e', fakeEmulator] } },
    })
    const { target } = proxy.proxy
    if (target.kind !== 'emulator') throw new Error(`expected the emulator, got ${target.kind}`)
    try {
      expect(lines.info).toEqual([`EM: embedded emulator at ${target.baseUrl.href}`])
      expect(target.baseUrl.href).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/$/)

      const answer = await send(proxy.port, '/api/?x=1')
      expect(answer.body.toString()).toBe('<EnterpriseManager Seen="/api/?x=1"/>')

      const config = await send(proxy.port, '/dashboard-config.json')
      expect(JSON.parse(config.body.toString())).toMatchObject({
        emHost: 'embedded emulator',
        emulator: true,
      })
    } finally {
      await proxy.close()
    }
    expect(isAlive(target.pid)).toBe(false)
  })

  it('rejects with the emulator failure when it dies at start', async () => {
    await expect(
      createEmProxy({
        contentSecurityPolicy: true,
        env: {},
        log: memoryLog().log,
        emulator: { command: { command: process.execPath, args: ['-e', 'process.exit(1)'] } },
      }),
    ).rejects.toThrow('The embedded EM emulator exited (code 1) before it was listening')
  })

  it('rejects a bad environment before starting anything', async () => {
    await expect(
      createEmProxy({
        contentSecurityPolicy: true,
        env: { EM_URL: 'em.example.com:9398' },
        log: memoryLog().log,
      }),
    ).rejects.toThrow(/^EM_URL must be/)
  })
})
