import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningEmulator, startEmulator } from '../http/start.ts'
import { basic, dig, errorOf, JSON_ACCEPT, list, parseXml, send } from '../http/test-client.ts'
import { parseUsers } from './accounts.ts'

let em: RunningEmulator

beforeAll(async () => {
  em = await startEmulator({
    sessions: 50,
    users: parseUsers(
      'admin:admin,ENTERPRISE\\Operator:pw1,viewer@corp.local:pw2,restorer:pw3:restore,nobody:pw4:none',
    ),
  })
})
afterAll(() => em.close())

const post = (path: string, headers: Record<string, string> = {}) =>
  send(em.url, path, { method: 'POST', headers: { Authorization: basic('admin', 'admin'), ...headers } })

describe('POST /api/sessionMngr/', () => {
  it.each([
    '/api/sessionMngr/?v=latest',
    '/api/sessionMngr/?v=v1_5',
    '/api/sessionMngr/?v=V1_6',
    '/api/sessionMngr/?v=v1_7',
    '/api/sessionMngr/?v=LATEST',
    '/api/sessionMngr/',
    '/api/sessionMngr',
    '/api/SESSIONMNGR/?V=v1_7',
  ])('logs on with %s', async (path) => {
    const reply = await post(path)
    expect(reply.status).toBe(201)
    expect(reply.statusMessage).toBe('Created')
  })

  it.each(['v1_4', 'v1_8', 'v1', 'garbage', ''])('rejects v=%s with 400', async (version) => {
    const reply = await post(`/api/sessionMngr/?v=${version}`)
    expect(reply.status).toBe(400)
    expect(errorOf(reply).status).toBe(400)
  })

  it('answers the token as header and cookie, equal to base64 of the SessionId (XML)', async () => {
    const reply = await post('/api/sessionMngr/?v=latest')
    const token = reply.headers['x-restsvcsessionid']
    expect(reply.rawHeaders).toContain('X-RestSvcSessionId')
    expect(reply.headers['set-cookie']).toEqual([`X-RestSvcSessionId=${token}; Path=/api;`])
    expect(reply.headers['content-type']).toBe('application/xml')
    const doc = parseXml(reply.text)
    const sessionId = dig(doc, 'LogonSession', 'SessionId')
    expect(typeof sessionId).toBe('string')
    expect(token).toBe(Buffer.from(String(sessionId)).toString('base64'))
    expect(String(token)).toHaveLength(48)
    expect(dig(doc, 'LogonSession', 'UserName')).toBe('admin')
    const links = list(doc, 'LogonSession', 'Links', 'Link')
    expect(links.some((link) => dig(link, 'Rel') === 'Delete')).toBe(true)
  })

  it('answers the LogonSession in JSON when asked', async () => {
    const reply = await post('/api/sessionMngr/?v=latest', JSON_ACCEPT)
    expect(reply.status).toBe(201)
    expect(reply.headers['content-type']).toBe('application/json')
    const body: unknown = JSON.parse(reply.text)
    expect(reply.headers['x-restsvcsessionid']).toBe(
      Buffer.from(String(dig(body, 'SessionId'))).toString('base64'),
    )
    expect(dig(body, 'Type')).toBe('LogonSession')
  })

  it('ignores a body and its Content-Type', async () => {
    const reply = await send(em.url, '/api/sessionMngr/?v=latest', {
      method: 'POST',
      headers: { Authorization: basic('admin', 'admin'), 'Content-Type': 'application/json' },
      body: '{"ignored": true}',
    })
    expect(reply.status).toBe(201)
  })

  it.each([
    ['wrong password', basic('admin', 'nope')],
    ['unknown user', basic('root', 'admin')],
    ['user name case differs', basic('Admin', 'admin')],
    ['not Basic', 'Bearer abc'],
    ['no colon', `Basic ${Buffer.from('admin').toString('base64')}`],
    ['account without role', basic('nobody', 'pw4')],
  ])('answers 401 with WWW-Authenticate for %s', async (_label, authorization) => {
    const reply = await send(em.url, '/api/sessionMngr/?v=latest', {
      method: 'POST',
      headers: { Authorization: authorization, ...JSON_ACCEPT },
    })
    expect(reply.status).toBe(401)
    expect(reply.statusMessage).toBe('Unauthorized')
    expect(reply.headers['www-authenticate']).toBe('Basic Realm=RestSvc')
    expect(errorOf(reply).status).toBe(401)
  })

  it('answers 401 without any Authorization header', async () => {
    const reply = await send(em.url, '/api/sessionMngr/?v=latest', { method: 'POST' })
    expect(reply.status).toBe(401)
    expect(reply.headers['www-authenticate']).toBe('Basic Realm=RestSvc')
  })

  it.each([
    ['ENTERPRISE\\Operator', 'pw1'],
    ['viewer@corp.local', 'pw2'],
  ])('accepts the configured account %s exactly as written', async (user, password) => {
    const reply = await send(em.url, '/api/sessionMngr/', {
      method: 'POST',
      headers: { Authorization: basic(user, password) },
    })
    expect(reply.status).toBe(201)
    expect(dig(parseXml(reply.text), 'LogonSession', 'UserName')).toBe(user)
  })

  it('answers 405 with Allow on GET', async () => {
    const reply = await send(em.url, '/api/sessionMngr/?v=latest')
    expect(reply.status).toBe(405)
    expect(reply.headers.allow).toBe('POST')
  })
})

describe('Restore Operator', () => {
  it('logs on but gets 403 on data, while /api/ and its own logonSessions work', async () => {
    const logonReply = await send(em.url, '/api/sessionMngr/?v=latest', {
      method: 'POST',
      headers: { Authorization: basic('restorer', 'pw3') },
    })
    expect(logonReply.status).toBe(201)
    const token = String(logonReply.headers['x-restsvcsessionid'])
    const headers = { 'X-RestSvcSessionId': token }
    const sessionId = String(dig(parseXml(logonReply.text), 'LogonSession', 'SessionId'))
    for (const path of [
      '/api/query?type=ReplicaJobSession',
      '/api/replicaSessions',
      '/api/jobs',
      '/api/querySvc',
    ]) {
      const reply = await send(em.url, path, { headers })
      expect(reply.status, path).toBe(403)
      expect(errorOf(reply).status).toBe(403)
    }
    expect((await send(em.url, '/api/', { headers })).status).toBe(200)
    expect((await send(em.url, '/api/logonSessions', { headers })).status).toBe(200)
    expect((await send(em.url, `/api/logonSessions/${sessionId}`, { headers })).status).toBe(200)
    expect(
      (await send(em.url, `/api/logonSessions/${sessionId}`, { method: 'DELETE', headers })).status,
    ).toBe(204)
  })
})
