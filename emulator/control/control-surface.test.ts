import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type RunningEmulator, startEmulator } from '../http/start.ts'
import { control as controlAt, dig, JSON_ACCEPT, list, logon, parseXml, send } from '../http/test-client.ts'
import { HOSTILE_TEXTS } from './hostile-data.ts'

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

  it('moves the clock forward: hours of runs happen at once, a signed-in token survives, reset goes back', async () => {
    await control('reset')
    const token = await logon(em.url)
    const newest = async () => {
      const reply = await send(
        em.url,
        '/api/query?type=ReplicaJobSession&format=Entities&sortDesc=CreationTime&pageSize=1',
        {
          headers: { 'X-RestSvcSessionId': token, ...JSON_ACCEPT },
        },
      )
      expect(reply.status).toBe(200)
      return Date.parse(
        String(
          dig(
            JSON.parse(reply.text),
            'Entities',
            'ReplicaJobSessions',
            'ReplicaJobSessions',
            0,
            'CreationTimeUTC',
          ),
        ),
      )
    }
    const before = await newest()
    expect((await control('clock', undefined, 'GET')).body).toMatchObject({ offsetSeconds: 0 })
    for (const bad of [{}, { advanceSeconds: -60 }, { advanceSeconds: 'soon' }, { advanceSeconds: 0 }])
      expect((await control('clock', bad)).status).toBe(400)

    // Two days: every scheduled job runs again, and the 15-minute idle expiry would have ended the token.
    const moved = await control('clock', { advanceSeconds: 2 * 86_400 })
    expect(moved.body).toMatchObject({ offsetSeconds: 2 * 86_400 })
    expect(Date.parse(String(dig(moved.body, 'now'))) - Date.now()).toBeGreaterThan(2 * 86_400_000 - 60_000)
    const after = await newest()
    expect(after - before).toBeGreaterThan(86_400_000)
    expect(after).toBeLessThanOrEqual(Date.now() + 2 * 86_400_000)

    await control('reset')
    expect((await control('clock', undefined, 'GET')).body).toMatchObject({ offsetSeconds: 0 })
    expect(await newest().catch(() => 0)).toBe(0)
    expect(
      (await authed('/api/query?type=ReplicaJobSession&format=Entities&sortDesc=CreationTime&pageSize=1'))
        .status,
    ).toBe(200)
  })

  it('validates the action settings and task faults, and reset clears a fault', async () => {
    expect((await control('config', { collectEveryMinutes: 0 })).status).toBe(400)
    expect((await control('config', { taskDelaysMs: [1] })).status).toBe(400)
    expect((await control('config', { actionRunSeconds: -1 })).status).toBe(400)
    const set = await control('config', {
      collectEveryMinutes: 0.5,
      taskDelaysMs: [0, 10],
      actionRunSeconds: 20,
    })
    expect(set.body).toMatchObject({ collectEveryMinutes: 0.5, taskDelaysMs: [0, 10], actionRunSeconds: 20 })
    await control('config', { collectEveryMinutes: null, taskDelaysMs: [3000, 2000], actionRunSeconds: null })

    expect((await control('task-faults', { message: '' })).status).toBe(400)
    expect((await control('task-faults', { message: 'x', operation: 'Explode' })).status).toBe(400)
    expect((await control('task-faults', { times: 2 })).status).toBe(400)
    const fault = await control('task-faults', { message: 'VBR is down.', times: 2, operation: 'RetryJob' })
    expect(fault.body).toEqual({ fault: { message: 'VBR is down.', remaining: 2, operation: 'RetryJob' } })
    expect((await control('task-faults', undefined, 'GET')).body).toEqual(fault.body)
    await control('reset')
    expect((await control('task-faults', undefined, 'GET')).body).toEqual({ fault: null })
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
