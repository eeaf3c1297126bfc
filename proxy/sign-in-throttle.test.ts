// Online password guessing through the proxy, over real sockets against both entries: per client address, per
// user name, and never at the cost of the proxy's own kiosk session.
import { afterEach, describe, expect, it } from 'vitest'
import { type Answer, close, memoryLog, send, startFakeEm } from './test-servers.ts'
import { targets } from './test-targets.ts'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const RIGHT = 'right-password'
const KIOSK_KEY = '6f1c0e9a4b27d85e3c90f1a6b4d27e85c3a09f1b6d4e2a7c'
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`

/** A stand-in EM whose logon accepts RIGHT for any user and answers reads to its tokens until it forgets them. */
async function startEm() {
  let generation = 0
  const em = await startFakeEm((req, res) => {
    const token = `TOKEN-${generation}`
    if (req.method === 'POST' && req.url.startsWith('/api/sessionMngr/')) {
      const password = Buffer.from((req.headers.authorization ?? '').slice(6), 'base64').toString('utf8')
      if (!password.endsWith(`:${RIGHT}`)) return void res.writeHead(401).end('<Error/>')
      return void res.writeHead(201, { 'X-RestSvcSessionId': token }).end('<LogonSession/>')
    }
    if (req.headers['x-restsvcsessionid'] !== token) return void res.writeHead(401).end('<Error/>')
    res.writeHead(200, { 'Content-Type': 'application/xml' }).end('<QueryResult/>')
  })
  cleanups.push(() => close(em.server))
  const logons = () => em.seen.filter((r) => r.method === 'POST').length
  // As EM after 15 idle minutes or a restart (em-api.md §3): every token it gave is dead.
  const forgetSessions = () => {
    generation += 1
  }
  return { ...em, logons, forgetSessions }
}

function signIn(
  port: number,
  user: string,
  password: string,
  from = '127.0.0.1',
  headers: Record<string, string> = {},
): Promise<Answer> {
  return send(port, '/api/sessionMngr/?v=latest', {
    method: 'POST',
    headers: { Authorization: basic(user, password), ...headers },
    localAddress: from,
  })
}

function throttled(answers: Answer[]): Answer[] {
  return answers.filter((a) => a.status === 429)
}

describe.each(targets)('sign-in throttling through %s', (_, start) => {
  async function setup(env: Record<string, string> = {}) {
    const em = await startEm()
    const target = await start({ env: { EM_URL: em.url, ...env }, log: memoryLog().log })
    cleanups.push(target.close)
    return { em, port: target.port }
  }

  it('refuses most of 200 wrong passwords from one address with 429 and Retry-After; EM sees a bounded number', async () => {
    const { em, port } = await setup()
    const answers: Answer[] = []
    for (let i = 0; i < 200; i++) answers.push(await signIn(port, `user${i}`, 'wrong', '127.0.0.9'))

    expect(throttled(answers).length).toBeGreaterThanOrEqual(185)
    expect(em.logons()).toBeLessThanOrEqual(12)
    for (const answer of throttled(answers)) {
      expect(Number(answer.headers['retry-after'])).toBeGreaterThanOrEqual(1)
      expect(JSON.parse(answer.body.toString())).toMatchObject({ error: 'too_many_attempts' })
    }
    // The right password does not get through while the address waits either…
    expect((await signIn(port, 'user0', RIGHT, '127.0.0.9')).status).toBe(429)
    // …but another address is not held up by this one.
    expect((await signIn(port, 'someone', RIGHT, '127.0.0.10')).status).toBe(201)
  })

  it('limits guesses at one user name from many addresses, however the name is spelled', async () => {
    const { em, port } = await setup()
    const spellings = ['CORP\\alice', 'alice', 'ALICE@corp.example', 'corp\\Alice']
    const answers: Answer[] = []
    for (let i = 0; i < 60; i++) {
      answers.push(
        await signIn(port, spellings[i % spellings.length] ?? 'alice', 'wrong', `127.0.1.${i + 1}`),
      )
    }
    expect(throttled(answers).length).toBeGreaterThanOrEqual(50)
    expect(em.logons()).toBeLessThanOrEqual(7)
    expect((await signIn(port, 'bob', RIGHT, '127.0.1.100')).status).toBe(201)
  })

  it('ignores X-Forwarded-For from a client that is not a trusted proxy: a made-up address per try gains nothing', async () => {
    const { em, port } = await setup()
    const answers: Answer[] = []
    for (let i = 0; i < 50; i++) {
      const spoofed = { 'X-Forwarded-For': `203.0.113.${i + 1}` }
      answers.push(await signIn(port, `user${i}`, 'wrong', '127.0.4.1', spoofed))
    }
    expect(throttled(answers).length).toBeGreaterThanOrEqual(38)
    expect(em.logons()).toBeLessThanOrEqual(12)
  })

  it('tells clients behind a trusted proxy (TRUSTED_PROXIES) apart by its X-Forwarded-For', async () => {
    const { port } = await setup({ TRUSTED_PROXIES: '127.0.5.1' })
    const viaNginx = (client: string) => ({ 'X-Forwarded-For': client })
    const answers: Answer[] = []
    for (let i = 0; i < 40; i++) {
      answers.push(await signIn(port, `user${i}`, 'wrong', '127.0.5.1', viaNginx('198.51.100.7')))
    }
    expect(throttled(answers).length).toBeGreaterThanOrEqual(28)
    expect((await signIn(port, 'someone', RIGHT, '127.0.5.1', viaNginx('198.51.100.8'))).status).toBe(201)
  })

  it("never locks out the proxy's own kiosk session, even when its account name is being guessed", async () => {
    const { em, port } = await setup({
      EM_KIOSK_USER: 'CORP\\wall',
      EM_KIOSK_PASSWORD: RIGHT,
      EM_KIOSK_KEY: KIOSK_KEY,
    })
    // The privilege self-check signs the kiosk session in at start; EM then forgets it during the guessing, so the
    // wall's request needs a fresh kiosk logon while the account name is throttled for browsers.
    await expect.poll(() => em.logons()).toBe(1)
    const answers: Answer[] = []
    for (let i = 0; i < 30; i++) answers.push(await signIn(port, 'CORP\\wall', 'wrong', `127.0.2.${i + 1}`))
    expect(throttled(answers).length).toBeGreaterThanOrEqual(20)
    em.forgetSessions()

    const wall = await send(port, '/api/query?type=ReplicaJobSession', {
      headers: { 'X-Kiosk-Key': KIOSK_KEY },
    })
    expect(wall.status).toBe(200)
    // The kiosk session logged on at start (its self-check) and again after EM forgot it, while its name was
    // throttled for browsers: both with the right password, neither refused.
    const kioskLogons = em.seen.filter((r) => r.headers.authorization === basic('CORP\\wall', RIGHT))
    expect(kioskLogons).toHaveLength(2)
  })
})
