import { request } from 'node:http'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type RunningEmulator, startEmulator } from '../http/start.ts'
import { dig, errorOf, JSON_ACCEPT, list, logon, parseXml, send } from '../http/test-client.ts'
import { HOSTILE_TEXTS } from './hostile-data.ts'

let em: RunningEmulator

beforeAll(async () => {
  em = await startEmulator({ sessions: 60, control: true })
})
afterAll(() => em.close())
afterEach(async () => {
  await control('faults', {})
})

async function control(path: string, body?: unknown, method = 'POST') {
  const reply = await send(em.url, `/__emulator/${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const parsed: unknown = reply.text === '' ? undefined : JSON.parse(reply.text)
  return { status: reply.status, body: parsed }
}

/** Polls until `check` holds; the generous cap only turns a hang into a failure. */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  throw new Error('condition not reached within 2 s')
}

const authed = async (path: string, accept: Record<string, string> = {}) =>
  send(em.url, path, { headers: { 'X-RestSvcSessionId': await logon(em.url), ...accept } })

describe('faults', () => {
  it.each([500, 503, 401, 404])(
    'answers status %i with an Error body while logon keeps working',
    async (status) => {
      expect((await control('faults', { status })).status).toBe(200)
      for (const accept of [{}, JSON_ACCEPT]) {
        const reply = await authed('/api/jobs', accept)
        expect(reply.status).toBe(status)
        expect(errorOf(reply).status).toBe(status)
        expect(reply.headers['content-length']).toBe(String(reply.body.length))
      }
    },
  )

  it('includes logon on request, and limits itself to pathPrefix', async () => {
    await control('faults', { status: 503, includeLogon: true })
    await expect(logon(em.url)).rejects.toThrow(/503/)
    await control('faults', { status: 503, pathPrefix: '/api/query' })
    expect((await authed('/api/jobs')).status).toBe(200)
    expect((await authed('/api/Query?type=Job')).status).toBe(503)
  })

  it('hits only a share of requests with rate', async () => {
    const token = await logon(em.url)
    await control('faults', { status: 500, rate: 0.5 })
    const statuses: number[] = []
    for (let i = 0; i < 40; i++) {
      statuses.push((await send(em.url, '/api/jobs', { headers: { 'X-RestSvcSessionId': token } })).status)
    }
    const failed = statuses.filter((status) => status === 500).length
    expect(failed).toBeGreaterThan(5)
    expect(failed).toBeLessThan(35)
    expect(statuses.filter((status) => status === 200)).toHaveLength(40 - failed)
  })

  it('clears itself after forMs and on an empty fault', async () => {
    await control('faults', { status: 500 })
    expect((await control('faults', undefined, 'GET')).body).toMatchObject({ fault: { status: 500 } })
    await control('faults', {})
    expect((await control('faults', undefined, 'GET')).body).toMatchObject({ fault: null })
    expect((await authed('/api/jobs')).status).toBe(200)
    await control('faults', { status: 500, forMs: 1 })
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect((await authed('/api/jobs')).status).toBe(200)
  })

  it('delays answers by latencyMs', async () => {
    const token = await logon(em.url)
    await control('faults', { latencyMs: 800 })
    const slow = send(em.url, '/api/jobs', { headers: { 'X-RestSvcSessionId': token } }).then(() => 'slow')
    const fast = send(em.url, '/__emulator/stats').then(() => 'control')
    expect(await Promise.race([slow, fast])).toBe('control')
    expect(await slow).toBe('slow')
  })

  it.each([
    ['truncated-xml', 'application/xml'],
    ['invalid-json', 'application/json'],
  ] as const)('sends a broken body for malformed=%s', async (malformed, contentType) => {
    await control('faults', { malformed })
    const reply = await authed('/api/jobs?format=Entity')
    expect(reply.status).toBe(200)
    expect(reply.headers['content-type']).toBe(contentType)
    expect(reply.headers['content-length']).toBe(String(reply.body.length))
    if (malformed === 'invalid-json') expect(() => JSON.parse(reply.text)).toThrow()
    else expect(reply.text).toMatch(/^<\?xml/)
    await control('faults', {})
    const whole = await authed('/api/jobs?format=Entity', malformed === 'invalid-json' ? JSON_ACCEPT : {})
    expect(whole.body.length).toBeGreaterThan(reply.body.length)
  })

  it('sends a wrong shape, an Error inside a 200 and an HTML page', async () => {
    await control('faults', { malformed: 'wrong-shape' })
    const shape = await authed('/api/jobs', JSON_ACCEPT)
    expect(shape.status).toBe(200)
    expect(JSON.parse(shape.text)).not.toHaveProperty('Refs')
    await control('faults', { malformed: 'error-200' })
    const error200 = await authed('/api/jobs')
    expect(error200.status).toBe(200)
    expect(dig(parseXml(error200.text), 'Error', 'StatusCode')).toBe('500')
    await control('faults', { malformed: 'html' })
    const html = await authed('/api/jobs', JSON_ACCEPT)
    expect(html.headers['content-type']).toBe('text/html')
    expect(html.text).toMatch(/^<!DOCTYPE html>/)
  })

  it('holds a hung request until the client gives up, and counts it in flight meanwhile', async () => {
    const token = await logon(em.url)
    await control('faults', { hang: true })
    let answered = false
    const req = request(
      {
        host: '127.0.0.1',
        port: em.port,
        path: '/api/jobs',
        headers: { 'X-RestSvcSessionId': token },
        agent: false,
      },
      () => {
        answered = true
      },
    )
    req.on('error', () => undefined)
    req.end()
    await until(async () => dig((await control('stats', undefined, 'GET')).body, 'inFlight') === 1)
    // Other requests are still answered while one hangs.
    expect((await control('faults', {})).status).toBe(200)
    req.destroy()
    await until(async () => dig((await control('stats', undefined, 'GET')).body, 'inFlight') === 0)
    expect(answered).toBe(false)
  })

  it('rejects an unknown field or a bad value with 400', async () => {
    expect((await control('faults', { statuss: 500 })).status).toBe(400)
    expect((await control('faults', { status: 200 })).status).toBe(400)
    expect((await control('faults', { rate: 2 })).status).toBe(400)
    expect((await control('faults', { malformed: 'nope' })).status).toBe(400)
    const notJson = await send(em.url, '/__emulator/faults', { method: 'POST', body: '{' })
    expect(notJson.status).toBe(400)
  })
})

describe('stats, sessions, config, reset', () => {
  it('counts requests by path, and expire-sessions kills every token', async () => {
    await control('reset')
    const token = await logon(em.url)
    const headers = { 'X-RestSvcSessionId': token }
    await send(em.url, '/api/jobs', { headers })
    await send(em.url, '/api/jobs?format=Entity', { headers })
    await send(em.url, '/api/query?type=Job', { headers })
    const stats = (await control('stats', undefined, 'GET')).body
    expect(stats).toMatchObject({
      requests: { total: 4, byPath: { '/api/sessionMngr/': 1, '/api/jobs': 2, '/api/query': 1 } },
      inFlight: 0,
    })
    expect(Number(dig(stats, 'maxInFlight'))).toBeGreaterThanOrEqual(1)
    expect((await control('expire-sessions')).body).toMatchObject({ expired: 1 })
    expect((await send(em.url, '/api/jobs', { headers })).status).toBe(401)
  })

  it('switches config at runtime and reset restores data and clears everything', async () => {
    expect((await control('config', { bom: true, endTimeMode: 'absent' })).body).toMatchObject({
      bom: true,
      endTimeMode: 'absent',
    })
    const withBom = await authed('/api/', JSON_ACCEPT)
    expect(withBom.body[0]).toBe(0xef)
    expect((await control('config', { endTimeMode: 'never' })).status).toBe(400)
    await control('config', { bom: false, endTimeMode: 'sentinel' })

    const token = await logon(em.url)
    await control('faults', { status: 500 })
    const reset = await control('reset')
    expect(reset.status).toBe(200)
    expect(Number(dig(reset.body, 'sessions'))).toBeGreaterThan(0)
    expect((await send(em.url, '/api/jobs', { headers: { 'X-RestSvcSessionId': token } })).status).toBe(401)
    expect((await authed('/api/jobs')).status).toBe(200)
    expect((await control('stats', undefined, 'GET')).body).toMatchObject({ requests: { total: 3 } })
  })

  it('injects hostile texts that come back verbatim in both formats, until reset', async () => {
    expect((await control('data', {})).status).toBe(400)
    const injected = await control('data', { hostile: true })
    const ids = list(injected.body, 'sessions')
    expect(ids).toHaveLength(HOSTILE_TEXTS.length)
    const path = `/api/replicaSessions/${String(ids[0])}?format=Entity`
    const json: unknown = JSON.parse((await authed(path, JSON_ACCEPT)).text)
    expect(dig(json, 'FailureMessage')).toBe(HOSTILE_TEXTS[0])
    const xml = parseXml((await authed(path)).text)
    expect(dig(xml, 'ReplicaJobSession', 'FailureMessage')).toBe(HOSTILE_TEXTS[0])
    const tasks: unknown = JSON.parse(
      (await authed(`/api/replicaSessions/${String(ids[2])}/replicaTaskSessions?format=Entity`, JSON_ACCEPT))
        .text,
    )
    expect(dig(tasks, 'ReplicaTaskSessions', 0, 'Reason')).toHaveLength(5000)
    await control('reset')
    const restored: unknown = JSON.parse((await authed(path, JSON_ACCEPT)).text)
    expect(dig(restored, 'FailureMessage')).not.toBe(HOSTILE_TEXTS[0])
  })

  it('answers 404 and 405 on the control surface, and nothing of it without --control', async () => {
    expect((await control('nothing')).status).toBe(404)
    expect((await control('stats')).status).toBe(405)
    const plain = await startEmulator({ sessions: 5 })
    try {
      expect((await send(plain.url, '/__emulator/stats')).status).toBe(401)
    } finally {
      await plain.close()
    }
  })

  it('lets close() finish while a request hangs', async () => {
    const hanging = await startEmulator({ sessions: 5, control: true })
    await send(hanging.url, '/__emulator/faults', { method: 'POST', body: JSON.stringify({ hang: true }) })
    const pending = send(hanging.url, '/api/').catch((error: unknown) => error)
    await new Promise((resolve) => setTimeout(resolve, 50))
    await hanging.close()
    expect(await pending).toBeInstanceOf(Error)
  })
})
