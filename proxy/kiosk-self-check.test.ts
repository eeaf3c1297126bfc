// The kiosk self-check against the real emulator (a child process, as the proxy runs it) with accounts of the
// roles of em-api.md §10, and against a fake EM for what the emulator cannot be made to do (no answer, no role).
import { Agent } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEmProxy } from './em-proxy.ts'
import { defaultEmulatorCommand, launchEmulator, type RunningEmulator } from './emulator-launcher.ts'
import { NO_READ_ONLY_ROLE, startKioskSelfCheck } from './kiosk-self-check.ts'
import { createKioskSession } from './kiosk-session.ts'
import { close, memoryLog, startFakeEm } from './test-servers.ts'

const KEY = '6f1d0c9a58e24b7f93a0d1c4e7b25a8f3c6e9d0b7a4f1e2d'
let emulator: RunningEmulator

beforeAll(async () => {
  emulator = await launchEmulator({
    command: defaultEmulatorCommand([
      '--sessions',
      '50',
      '--users',
      'admin:admin,wall:wall-pw:portal-user,restorer:r-pw:vm-restore-operator',
    ]),
  })
}, 60_000)
afterAll(() => emulator.stop())

/** A proxy on the emulator with kiosk mode on for one account; resolves once the self-check has an outcome. */
async function kioskProxy(user: string, password: string) {
  const { log, lines } = memoryLog()
  const proxy = await createEmProxy({
    contentSecurityPolicy: true,
    env: {
      EM_URL: emulator.baseUrl.origin,
      EM_KIOSK_USER: user,
      EM_KIOSK_PASSWORD: password,
      EM_KIOSK_KEY: KEY,
    },
    log,
  })
  await expect.poll(() => proxy.kioskAccess().state, { timeout: 10_000 }).not.toBe('checking')
  await proxy.close()
  return { access: proxy.kioskAccess(), lines }
}

describe('kiosk self-check at proxy start', () => {
  it('logs what a Portal User may read, that the wall runs reduced, and that EM has no read-only role', async () => {
    const { access, lines } = await kioskProxy('wall', 'wall-pw')
    expect(lines.info).toContain('Kiosk self-check: signed in to EM as wall')
    expect(lines.info).toContain(
      'Kiosk self-check: replica sessions (GET /api/query?type=ReplicaJobSession): allowed',
    )
    expect(lines.warn).toContain(
      'Kiosk self-check: jobs (GET /api/query?type=Job): refused (403): the wall runs reduced: jobs not readable by this account, so its job tiles count only jobs seen in sessions (reading jobs needs Portal Administrator)',
    )
    expect(lines.warn).toContain(NO_READ_ONLY_ROLE)
    expect(NO_READ_ONLY_ROLE).toMatch(/no read-only role.*Portal User may start a VM failover.*allowlist/)
    expect(access).toMatchObject({
      state: 'checked',
      reads: [
        { name: 'replica sessions', result: 'allowed' },
        { name: 'jobs', result: 'refused' },
      ],
      reduced: ['jobs not readable by this account'],
    })
  })

  it('finds nothing reduced for a Portal Administrator, and still warns that no EM role is read-only', async () => {
    const { access, lines } = await kioskProxy('admin', 'admin')
    expect(lines.info).toContain('Kiosk self-check: jobs (GET /api/query?type=Job): allowed')
    expect(lines.warn).toEqual([NO_READ_ONLY_ROLE])
    expect(access).toMatchObject({ state: 'checked', reduced: [] })
  })

  it('warns that a Restore Operator wall can show nothing, naming the roles that can', async () => {
    const { access, lines } = await kioskProxy('restorer', 'r-pw')
    expect(lines.warn).toContain(
      'Kiosk self-check: replica sessions (GET /api/query?type=ReplicaJobSession): refused (403): the wall cannot show anything. Give EM_KIOSK_USER the role Portal User or Portal Administrator; Restore Operator roles cannot read replica sessions',
    )
    expect(access).toMatchObject({
      reduced: ['replica sessions not readable by this account', 'jobs not readable by this account'],
    })
  })

  it('says when EM refuses the logon, never echoing the password', async () => {
    const { access, lines } = await kioskProxy('wall', 'not-the-password')
    expect(access).toMatchObject({ state: 'failed' })
    expect(lines.warn).toContainEqual(expect.stringMatching(/^Kiosk: EM refused the logon of wall \(401\)/))
    expect(lines.warn).toContainEqual(
      expect.stringMatching(
        /^Kiosk self-check: could not sign in as wall \(EM answered 401\).*EM_KIOSK_PASSWORD/,
      ),
    )
    expect(JSON.stringify({ access, lines })).not.toContain('not-the-password')
  })
})

describe('kiosk self-check against a fake EM', () => {
  it("only reads (GET), through the walls' own session, and retries while EM does not answer", async () => {
    let answering = false
    const em = await startFakeEm((req, res) => {
      if (!answering) return void res.socket?.destroy()
      if (req.method === 'POST') {
        res.writeHead(201, { 'X-RestSvcSessionId': 'TOKEN', 'Content-Type': 'application/json' })
        return void res.end('{"UserName":"wall","SessionId":"44cfbdbe-5a95-4156-8867-91f069b7c2cc"}')
      }
      res.writeHead(req.method === 'DELETE' ? 204 : 200).end()
    })
    const agent = new Agent({ keepAlive: false })
    const upstream = { origin: new URL(em.url), host: new URL(em.url).host, agent, timeoutMs: 2000 }
    const { log, lines } = memoryLog()
    const session = createKioskSession(upstream, { user: 'wall', password: 'pw' }, log)
    const check = startKioskSelfCheck({ upstream, session, user: 'wall', log, retryMs: 50 })
    try {
      await expect.poll(() => lines.warn.length).toBeGreaterThan(0)
      expect(lines.warn[0]).toMatch(/^Kiosk self-check: no answer from EM \(.*\); trying again in 0 s$/)
      expect(check.access()).toEqual({ state: 'checking' })
      em.seen.length = 0
      answering = true
      await check.settled
      expect(check.access()).toMatchObject({ state: 'checked', reduced: [] })
      expect(em.seen.map((r) => `${r.method} ${r.url}`)).toEqual([
        'POST /api/sessionMngr/?v=latest',
        'GET /api/query?type=ReplicaJobSession&format=References&pageSize=1&page=1',
        'GET /api/query?type=Job&format=References&pageSize=1&page=1',
      ])
      // The walls go on with the same session: nothing logged it off.
      expect(await session.token()).toBe('TOKEN')
      expect(em.seen.slice(1).every((r) => r.headers['x-restsvcsessionid'] === 'TOKEN')).toBe(true)
      expect(em.seen.slice(1).every((r) => r.headers.authorization === undefined)).toBe(true)
    } finally {
      check.stop()
      agent.destroy()
      await close(em.server)
    }
  })
})
