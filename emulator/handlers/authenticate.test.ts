import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningEmulator, startEmulator } from '../http/start.ts'
import { basic, dig, errorOf, JSON_ACCEPT, list, logon, parseXml, send } from '../http/test-client.ts'

let em: RunningEmulator
let clock = Date.UTC(2025, 10, 3, 12, 0, 0)

beforeAll(async () => {
  em = await startEmulator({ sessions: 50, now: () => clock, sessionTtlSeconds: 900 })
})
afterAll(() => em.close())

const get = (path: string, headers: Record<string, string>) => send(em.url, path, { headers })

describe('token rules (em-api.md §3)', () => {
  it.each(['X-RestSvcSessionId', 'x-restsvcsessionid', 'X-RESTSVCSESSIONID'])(
    'accepts the header named %s',
    async (name) => {
      const token = await logon(em.url)
      expect((await get('/api/jobs', { [name]: token })).status).toBe(200)
    },
  )

  it('accepts the token as a cookie', async () => {
    const token = await logon(em.url)
    expect((await get('/api/jobs', { Cookie: `other=1; X-RestSvcSessionId=${token}` })).status).toBe(200)
  })

  it('lets the cookie win over the header: a stale cookie gives 401 even with a good header', async () => {
    const good = await logon(em.url)
    const stale = Buffer.from('00000000-0000-0000-0000-000000000000').toString('base64')
    const reply = await get('/api/jobs', {
      Cookie: `X-RestSvcSessionId=${stale}`,
      'X-RestSvcSessionId': good,
    })
    expect(reply.status).toBe(401)
    expect(reply.headers['www-authenticate']).toBe('Basic Realm=RestSvc')
    const goodCookie = await get('/api/jobs', {
      Cookie: `X-RestSvcSessionId=${good}`,
      'X-RestSvcSessionId': stale,
    })
    expect(goodCookie.status).toBe(200)
  })

  it('ignores a Basic header on ordinary requests, with or without a token', async () => {
    const token = await logon(em.url)
    const withToken = await get('/api/jobs', {
      Authorization: basic('admin', 'wrong'),
      'X-RestSvcSessionId': token,
    })
    expect(withToken.status).toBe(200)
    const basicOnly = await get('/api/jobs', { Authorization: basic('admin', 'admin') })
    expect(basicOnly.status).toBe(401)
  })

  it('answers 401 without a token, in the requested format', async () => {
    const reply = await get('/api/query?type=Job', JSON_ACCEPT)
    expect(reply.status).toBe(401)
    expect(reply.headers['content-type']).toBe('application/json')
    expect(errorOf(reply).status).toBe(401)
  })

  it('expires a token after the idle timeout, and each request restarts the timer', async () => {
    const token = await logon(em.url)
    const headers = { 'X-RestSvcSessionId': token }
    clock += 899_000
    expect((await get('/api/jobs', headers)).status).toBe(200)
    clock += 899_000
    expect((await get('/api/jobs', headers)).status).toBe(200)
    clock += 900_000
    const expired = await get('/api/jobs', headers)
    expect(expired.status).toBe(401)
    expect(errorOf(expired).status).toBe(401)
  })

  it('logs out with DELETE → 204 without body; the token is dead afterwards', async () => {
    const token = await logon(em.url)
    const headers = { 'X-RestSvcSessionId': token }
    const own = await get('/api/logonSessions', headers)
    const sessions = list(parseXml(own.text), 'LogonSessions', 'LogonSession')
    expect(sessions).toHaveLength(1)
    const deleteHref = String(
      dig(
        list(sessions[0], 'Links', 'Link').find((link) => dig(link, 'Rel') === 'Delete'),
        'Href',
      ),
    )
    const reply = await send(em.url, deleteHref.slice(deleteHref.indexOf('/api/')), {
      method: 'DELETE',
      headers,
    })
    expect(reply.status).toBe(204)
    expect(reply.statusMessage).toBe('NoContent')
    expect(reply.body).toHaveLength(0)
    expect((await get('/api/jobs', headers)).status).toBe(401)
  })
})

describe('logonSessions (own session only)', () => {
  it('lists only the caller, answers its own id (any case) and refuses others', async () => {
    const mine = await logon(em.url)
    const theirs = await logon(em.url)
    const headers = { 'X-RestSvcSessionId': mine, ...JSON_ACCEPT }
    const listed: unknown = JSON.parse((await get('/api/logonSessions', headers)).text)
    const sessions = list(listed, 'LogonSessions')
    expect(sessions).toHaveLength(1)
    const myId = String(dig(sessions[0], 'SessionId'))
    expect(Buffer.from(myId).toString('base64')).toBe(mine)
    expect((await get(`/api/logonSessions/${myId.toUpperCase()}`, headers)).status).toBe(200)

    const theirId = Buffer.from(theirs, 'base64').toString('utf8')
    const forbidden = await get(`/api/logonSessions/${theirId}`, headers)
    expect(forbidden.status).toBe(403)
    expect(errorOf(forbidden)).toMatchObject({ status: 403 })
    const refused = await send(em.url, `/api/logonSessions/${theirId}`, { method: 'DELETE', headers })
    expect(refused.status).toBe(403)
    expect((await get('/api/jobs', { 'X-RestSvcSessionId': theirs })).status).toBe(200)

    const unknown = await get('/api/logonSessions/8f1c1c1e-0000-4000-8000-000000000000', headers)
    expect(unknown.status).toBe(404)
    expect(errorOf(unknown).status).toBe(404)
  })
})
