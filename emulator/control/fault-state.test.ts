import { request } from 'node:http'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type RunningEmulator, startEmulator } from '../http/start.ts'
import {
  control as controlAt,
  dig,
  errorOf,
  JSON_ACCEPT,
  logon,
  parseXml,
  send,
  until,
} from '../http/test-client.ts'

let em: RunningEmulator

beforeAll(async () => {
  em = await startEmulator({ sessions: 60, control: true })
})
afterAll(() => em.close())
afterEach(async () => {
  await control('faults', {})
})

const control = (path: string, body?: unknown, method?: string) => controlAt(em.url, path, body, method)

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
