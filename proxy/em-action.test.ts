// Job and server actions through the proxy, in front of a stand-in EM that records every request: what passes,
// every refusal (nothing reaches EM), the collect rate limit, and the action log's line for each.
import type { ServerResponse } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { COLLECT_INTERVAL_MS } from './collect-throttle.ts'
import { close, memoryLog, type SeenRequest, send, startFakeEm, startProxy } from './test-servers.ts'
import { targets } from './test-targets.ts'

const JOB = '2c49a44e-1e59-4527-a6bc-6b2f9b579ee1'
const SERVER = 'ce15a8c7-aa49-495e-b05b-ee3398c91018'
const OTHER_SERVER = '89a2f69c-87e9-4520-9c44-404abcc8246d'
const TOKEN = 'NDRjZmJkYmUtNWE5NS00MTU2LTg4NjctOTFmMDY5YjdjMmNj'
const TASK_JSON =
  '{"TaskId":"task-7","State":"Running","Operation":"RetryJob","Links":[],"Href":"x","Type":"Task"}'
const TASK_XML =
  '<?xml version="1.0" encoding="utf-8"?>\n<Task Type="Task" Href="x" xmlns="http://www.veeam.com/ent/v1.0"><TaskId>task-8</TaskId><State>Running</State></Task>'

/** A stand-in EM: 202 + Task for actions, the caller's LogonSession for `GET /api/logonSessions`. */
function em(req: SeenRequest, res: ServerResponse): void {
  const json = (req.headers.accept ?? '').includes('json')
  if (req.url === '/api/logonSessions') {
    res.writeHead(200, { 'Content-Type': json ? 'application/json' : 'application/xml' })
    res.end(
      json
        ? '{"LogonSessions":[{"UserName":"CORP\\\\alice","SessionId":"44cfbdbe"}]}'
        : '<LogonSessions><LogonSession><UserName>CORP\\bob &amp; co</UserName></LogonSession></LogonSessions>',
    )
    return
  }
  if (req.headers['x-restsvcsessionid'] === 'PORTAL-USER') {
    res.writeHead(403, { 'Content-Type': 'application/json' })
    res.end('{"FirstChanceExceptionMessage":null,"Message":"Access denied.","StatusCode":403}')
    return
  }
  res.writeHead(202, { 'Content-Type': json ? 'application/json' : 'application/xml', 'Set-Cookie': 'x=y' })
  res.end(json ? TASK_JSON : TASK_XML)
}

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function setup(answer = em, env: Record<string, string> = {}) {
  const fake = await startFakeEm(answer)
  cleanups.push(() => close(fake.server))
  const { log, lines } = memoryLog()
  const proxy = await startProxy({ contentSecurityPolicy: true, env: { EM_URL: fake.url, ...env }, log })
  cleanups.push(proxy.close)
  const origin = `http://127.0.0.1:${proxy.port}`
  const act = (path: string, headers: Record<string, string> = {}, extra: { body?: string } = {}) =>
    send(proxy.port, path, {
      method: 'POST',
      headers: { Origin: origin, 'X-RestSvcSessionId': TOKEN, Accept: 'application/json', ...headers },
      ...extra,
    })
  // The action log's lines, parsed; other lines of the proxy's log (its start-up) are not JSON.
  const actionLines = () =>
    [...lines.info, ...lines.warn].flatMap((line) => {
      if (!line.startsWith('{')) return []
      const parsed: unknown = JSON.parse(line)
      return [parsed]
    })
  // The log line is written once EM has said who the token belongs to, just after the answer.
  const logged = async (count: number) => {
    for (let i = 0; i < 100 && actionLines().length < count; i++) await new Promise((r) => setTimeout(r, 10))
    return actionLines()
  }
  return { fake, port: proxy.port, origin, act, logged, lines }
}

const actions = (seen: readonly SeenRequest[]) => seen.filter((request) => request.method === 'POST')

describe('a job action through the proxy', () => {
  it("reaches EM with no body, Content-Length 0, only Accept and the token, and EM's 202 Task comes back", async () => {
    const { fake, act } = await setup()
    const answer = await act(`/api/jobs/${JOB}?action=retry`, {
      Cookie: 'X-RestSvcSessionId=STALE',
      Authorization: 'Basic YTpi',
      'Content-Type': 'application/xml',
      'X-HTTP-Method-Override': 'DELETE',
    })
    expect(answer.status).toBe(202)
    expect(answer.body.toString()).toBe(TASK_JSON)
    expect(answer.headers['set-cookie']).toBeUndefined()
    expect(answer.headers['cache-control']).toBe('no-store')
    const [posted] = actions(fake.seen)
    expect(posted?.url).toBe(`/api/jobs/${JOB}?action=retry`)
    expect(posted?.headers).toEqual({
      host: expect.any(String),
      accept: 'application/json',
      'x-restsvcsessionid': TOKEN,
      'content-length': '0',
      connection: 'keep-alive',
    })
    expect(posted?.body.length).toBe(0)
  })

  it('writes one JSON line: time, the EM user from its logon session, job, action, status, task, client', async () => {
    const { fake, act, logged } = await setup()
    await act(`/api/jobs/${JOB}?action=retry`)
    const [line] = await logged(1)
    expect(line).toEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      event: 'em_action',
      user: 'CORP\\alice',
      action: 'retry',
      job: JOB,
      status: 202,
      answeredBy: 'em',
      task: 'task-7',
      message: null,
      client: '127.0.0.1',
    })
    // The user is EM's answer to the caller's own token (em-api.md §3), asked after the action.
    const lookup = fake.seen.find((request) => request.url === '/api/logonSessions')
    expect(lookup?.headers['x-restsvcsessionid']).toBe(TOKEN)
    expect(fake.seen.map((request) => request.method)).toEqual(['POST', 'GET'])
  })

  it("reads XML answers too, and logs EM's own refusal (403) with its message", async () => {
    const { act, logged } = await setup()
    await act(`/api/backupServers/${SERVER}?action=collect`, { Accept: 'application/xml' })
    const denied = await act(`/api/jobs/${JOB}?action=start`, { 'X-RestSvcSessionId': 'PORTAL-USER' })
    expect(denied.status).toBe(403)
    expect(JSON.parse(denied.body.toString())).toMatchObject({ Message: 'Access denied.' })
    const lines = await logged(2)
    expect(lines[0]).toMatchObject({
      user: 'CORP\\bob & co',
      action: 'collect',
      backupServer: SERVER,
      status: 202,
      task: 'task-8',
    })
    expect(lines[1]).toMatchObject({ action: 'start', job: JOB, status: 403, answeredBy: 'em', task: null })
    expect(lines[1]).toMatchObject({ message: 'Access denied.' })
  })

  it('answers 502 when EM cannot be reached, and logs that EM may or may not have acted', async () => {
    const { act, logged } = await setup((_, res) => res.socket?.destroy())
    const answer = await act(`/api/jobs/${JOB}?action=stop`)
    expect(answer.status).toBe(502)
    const [line] = await logged(1)
    expect(line).toMatchObject({ action: 'stop', status: 502, answeredBy: 'proxy', user: null, task: null })
  })
})

describe('refusals: nothing reaches EM, and each attempt at an action is logged', () => {
  it.each([
    ['no Origin', {}],
    ['another origin', { Origin: 'http://evil.example' }],
    ['an opaque origin', { Origin: 'null' }],
    ['another port of this host', { Origin: 'http://127.0.0.1:1' }],
  ])('refuses an action with %s: 403', async (_, headers: Record<string, string>) => {
    const { fake, port, logged } = await setup()
    const answer = await send(port, `/api/jobs/${JOB}?action=start`, {
      method: 'POST',
      headers: { 'X-RestSvcSessionId': TOKEN, ...headers },
    })
    expect(answer.status).toBe(403)
    expect(JSON.parse(answer.body.toString())).toMatchObject({
      error: 'forbidden',
      message: expect.stringContaining('Origin'),
    })
    expect(fake.seen).toHaveLength(0)
    const [line] = await logged(1)
    expect(line).toMatchObject({ action: 'start', job: JOB, status: 403, answeredBy: 'proxy' })
  })

  it('refuses an action with a body (413), announced or chunked', async () => {
    const { fake, act, logged } = await setup()
    expect((await act(`/api/jobs/${JOB}?action=start`, {}, { body: '<StartJobSpec/>' })).status).toBe(413)
    expect(
      (await act(`/api/jobs/${JOB}?action=start`, { 'Transfer-Encoding': 'chunked' }, { body: 'x' })).status,
    ).toBe(413)
    expect(fake.seen).toHaveLength(0)
    const refusal = { action: 'start', job: JOB, status: 413, answeredBy: 'proxy', user: null }
    expect(await logged(2)).toMatchObject([refusal, refusal])
  })

  it('refuses every other write EM offers with 403, even from the dashboard itself, and logs what was asked', async () => {
    const { fake, act, origin, port, logged } = await setup()
    const paths = [
      `/api/vmReplicaPoints/${JOB}?action=failover`,
      `/api/backupServers/${SERVER}?action=quickbackup`,
      `/api/jobs/${JOB}?action=toggleScheduleEnabled`,
      `/api/jobs/${JOB}%3Faction%3Dstart`,
      `/api/jobs/${JOB}?action=start&action=failover`,
    ]
    for (const path of paths) {
      const answer = await act(path)
      expect(answer.status, path).toBe(403)
    }
    const deleted = await send(port, `/api/jobs/${JOB}`, { method: 'DELETE', headers: { Origin: origin } })
    expect(deleted.status).toBe(403)
    expect(fake.seen).toHaveLength(0)
    const requests = [...paths.map((path) => `POST ${path}`), `DELETE /api/jobs/${JOB}`]
    expect(await logged(requests.length)).toMatchObject(
      requests.map((request) => ({ action: null, request, status: 403, answeredBy: 'proxy' })),
    )
  })

  it('refuses a read that names an action (405) and logs it; plain reads and sign-ins are not actions', async () => {
    const { fake, port, logged, lines } = await setup()
    const read = (path: string) => send(port, path, { headers: { 'X-RestSvcSessionId': TOKEN } })
    expect((await read(`/api/jobs/${JOB}?Action=start`)).status).toBe(405)
    expect((await read('/api/query?type=Job')).status).toBe(202)
    const signIn = await send(port, '/api/sessionMngr/?v=latest', {
      method: 'POST',
      headers: { Authorization: 'Basic YTpi' },
    })
    expect(signIn.status).toBe(202)
    expect(fake.seen.map((request) => request.url)).toEqual([
      '/api/query?type=Job',
      '/api/sessionMngr/?v=latest',
    ])
    expect(await logged(1)).toMatchObject([
      { action: null, request: `GET /api/jobs/${JOB}?Action=start`, status: 405, answeredBy: 'proxy' },
    ])
    expect([...lines.info, ...lines.warn].filter((line) => line.startsWith('{'))).toHaveLength(1)
  })

  it('refuses any action through the kiosk key with 403, and logs it', async () => {
    const key = '9d3e7a1c5b0f48e2a6c1d7b3f05e9a2c4d8b16f0e3a7c52b'
    const { fake, port, act, logged } = await setup(em, {
      EM_KIOSK_USER: 'wall',
      EM_KIOSK_PASSWORD: 'pw',
      EM_KIOSK_KEY: key,
    })
    const before = fake.seen.length
    for (const path of [`/api/jobs/${JOB}?action=start`, `/api/backupServers/${SERVER}?action=collect`]) {
      const answer = await act(path, { 'X-Kiosk-Key': key })
      expect(answer.status).toBe(403)
      expect(JSON.parse(answer.body.toString()).message).toContain('read-only')
    }
    expect(
      actions(fake.seen.slice(before)).filter((request) => request.url.includes('action=')),
    ).toHaveLength(0)
    const failover = `/api/vmReplicaPoints/${JOB}?action=failover`
    expect((await act(failover, { 'X-Kiosk-Key': key })).status).toBe(403)
    const asRead = `/api/jobs/${JOB}?action=start`
    const read = await send(port, asRead, { headers: { 'X-Kiosk-Key': key } })
    expect(read.status).toBe(403)
    expect(fake.seen.filter((request) => request.url.includes('action='))).toHaveLength(0)
    const lines = await logged(4)
    expect(lines).toMatchObject([
      { action: 'start', status: 403, answeredBy: 'proxy' },
      { action: 'collect', status: 403, answeredBy: 'proxy' },
      { action: null, request: `POST ${failover}`, status: 403, answeredBy: 'proxy' },
      { action: null, request: `GET ${asRead}`, status: 403, answeredBy: 'proxy' },
    ])
  })
})

describe('collect: once a minute per backup server', () => {
  it('answers 429 with Retry-After within the minute, lets another server through, and logs the refusal', async () => {
    const { fake, act, logged } = await setup()
    expect((await act(`/api/backupServers/${SERVER}?action=collect`)).status).toBe(202)
    const again = await act(`/api/backupServers/${SERVER}?action=collect`)
    expect(again.status).toBe(429)
    const wait = Number(again.headers['retry-after'])
    expect(wait).toBeGreaterThan(50)
    expect(wait).toBeLessThanOrEqual(COLLECT_INTERVAL_MS / 1000)
    expect(JSON.parse(again.body.toString()).message).toContain('less than a minute ago')
    expect((await act(`/api/backupServers/${OTHER_SERVER}?action=collect`)).status).toBe(202)
    expect(actions(fake.seen).map((request) => request.url)).toEqual([
      `/api/backupServers/${SERVER}?action=collect`,
      `/api/backupServers/${OTHER_SERVER}?action=collect`,
    ])
    const lines = await logged(3)
    expect(lines.map((line) => (line as { status: number }).status).sort()).toEqual([202, 202, 429])
  })

  it('gives the minute back when EM did not collect (any answer but 2xx)', async () => {
    const { act } = await setup()
    const refused = await act(`/api/backupServers/${SERVER}?action=collect`, {
      'X-RestSvcSessionId': 'PORTAL-USER',
    })
    expect(refused.status).toBe(403)
    expect((await act(`/api/backupServers/${SERVER}?action=collect`)).status).toBe(202)
  })
})

describe.each(targets)('through %s', (_, start) => {
  it('passes an action from its own origin and refuses one from another', async () => {
    const fake = await startFakeEm(em)
    cleanups.push(() => close(fake.server))
    const { log } = memoryLog()
    const target = await start({ env: { EM_URL: fake.url }, log })
    cleanups.push(target.close)
    const path = `/api/jobs/${JOB}?action=start`
    const headers = { 'X-RestSvcSessionId': TOKEN }
    const own = await send(target.port, path, {
      method: 'POST',
      headers: { ...headers, Origin: `http://127.0.0.1:${target.port}` },
    })
    expect(own.status).toBe(202)
    const foreign = await send(target.port, path, {
      method: 'POST',
      headers: { ...headers, Origin: 'http://evil.example' },
    })
    expect(foreign.status).toBe(403)
    expect(actions(fake.seen)).toHaveLength(1)
  })
})
