// Request smuggling and size bounds, tried over raw sockets against both real entries (npm run serve and
// vite preview) in front of a stand-in EM that records every byte it receives.
import { afterEach, describe, expect, it } from 'vitest'
import { MAX_BODY_BYTES, MAX_FORWARDED_HEADER_BYTES } from './limits.ts'
import { close, exchange, memoryLog, send, startFakeEm } from './test-servers.ts'
import { targets } from './test-targets.ts'

const JOB_ID = '2c49a44e-1e59-4527-a6bc-6b2f9b579ee1'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** A request EM must never see: it carries every refusal the guard makes (PUT, dot segment, cookie). */
const SMUGGLED = 'PUT /api/../SMUGGLED HTTP/1.1\r\nHost: em\r\nCookie: X-RestSvcSessionId=ATTACKER\r\n\r\n'

function chunked(method: string, path: string, body: string, extra = ''): string {
  const size = Buffer.byteLength(body, 'latin1').toString(16)
  return `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${extra}Transfer-Encoding: chunked\r\n\r\n${size}\r\n${body}\r\n0\r\n\r\n`
}

/** Lets EM's side of a connection catch up before looking at what it received. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 150))

describe.each(targets)('framing through %s', (_, start) => {
  async function setup() {
    const em = await startFakeEm((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' })
      res.end(`answer for ${req.method} ${req.url} as ${req.headers['x-restsvcsessionid'] ?? 'nobody'}`)
    })
    cleanups.push(() => close(em.server))
    const target = await start({ env: { EM_URL: em.url }, log: memoryLog().log })
    cleanups.push(target.close)
    return { em, port: target.port }
  }

  it.each([['GET'], ['HEAD'], ['DELETE']])(
    'refuses a chunked body on %s with 400 and sends EM nothing',
    async (method) => {
      const { em, port } = await setup()
      const answer = await exchange(port, chunked(method, '/api/logonSessions/x', SMUGGLED))
      await settle()
      expect(answer.statuses).toEqual([400])
      if (method !== 'HEAD') expect(answer.text).toContain('carries no body')
      expect(em.raw()).toBe('')
      expect(em.seen).toHaveLength(0)
    },
  )

  it.each([['GET'], ['DELETE']])('refuses a Content-Length body on %s with 400', async (method) => {
    const { em, port } = await setup()
    const body = SMUGGLED
    const answer = await exchange(
      port,
      `${method} /api/jobs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
    )
    await settle()
    expect(answer.statuses).toEqual([400])
    expect(em.raw()).not.toContain('SMUGGLED')
    expect(em.seen).toHaveLength(0)
  })

  it("never hands one client another's token or answer through a half-sent smuggled request", async () => {
    const { em, port } = await setup()
    // An unfinished POST whose body would swallow the next request on the same EM connection.
    const trap = 'POST /api/SMUGGLED HTTP/1.1\r\nHost: em\r\nContent-Length: 100\r\n\r\n'
    const attacker = await exchange(port, chunked('GET', '/api/', trap, 'X-RestSvcSessionId: ATTACKER\r\n'))
    const victim = await send(port, '/api/query?type=Job', { headers: { 'X-RestSvcSessionId': 'VICTIM' } })
    const again = await exchange(port, 'GET /api/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')
    await settle()

    expect(victim.status).toBe(200)
    expect(victim.body.toString()).toBe('answer for GET /api/query?type=Job as VICTIM')
    expect(`${attacker.text}${again.text}`).not.toContain('VICTIM')
    expect(em.raw()).not.toContain('SMUGGLED')
    expect(em.seen.map((r) => `${r.method} ${r.url} ${r.body.length}`)).toEqual([
      'GET /api/query?type=Job 0',
      'GET /api/ 0',
    ])
  })

  it('sends a job action to EM with Content-Length: 0, never the client’s chunked framing', async () => {
    const { em, port } = await setup()
    // An empty chunked body: the last chunk only.
    const answer = await exchange(
      port,
      `POST /api/jobs/${JOB_ID}?action=start HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://127.0.0.1\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
    )
    await settle()
    expect(answer.statuses).toEqual([200])
    const action = em.seen.find((seen) => seen.method === 'POST')
    expect(action?.headers['content-length']).toBe('0')
    expect(action?.headers['transfer-encoding']).toBeUndefined()
    expect(action?.body.length).toBe(0)
  })

  it('refuses any POST body with 413, whether announced or chunked: nothing EM is sent through here takes one', async () => {
    expect(MAX_BODY_BYTES).toBe(0)
    const { em, port } = await setup()
    const announced = await exchange(
      port,
      `POST /api/jobs/${JOB_ID}?action=start HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: ${64 * 1024 * 1024}\r\n\r\nxxxx`,
    )
    expect(announced.statuses).toEqual([413])
    expect(announced.text).toContain('carries no body')

    const streamed = await exchange(
      port,
      chunked('POST', `/api/jobs/${JOB_ID}?action=start`, '<StartJobSpec/>'),
    )
    expect(streamed.statuses).toEqual([413])
    await settle()
    expect(em.seen).toHaveLength(0)
    expect(em.raw()).toBe('')
  })

  it('refuses a body on sign-in, which takes none, with 413', async () => {
    const { em, port } = await setup()
    const answer = await send(port, '/api/sessionMngr/?v=latest', {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from('u:p').toString('base64')}` },
      body: SMUGGLED,
    })
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body.toString())).toMatchObject({ error: 'payload_too_large' })
    expect(em.seen).toHaveLength(0)
  })

  it(`refuses headers for EM over ${MAX_FORWARDED_HEADER_BYTES} bytes with 431`, async () => {
    const { em, port } = await setup()
    const answer = await send(port, '/api/jobs', {
      headers: { 'X-RestSvcSessionId': 'x'.repeat(MAX_FORWARDED_HEADER_BYTES + 1) },
    })
    expect(answer.status).toBe(431)
    expect(JSON.parse(answer.body.toString()).message).toContain(`${MAX_FORWARDED_HEADER_BYTES} bytes`)
    expect(em.seen).toHaveLength(0)
  })
})
