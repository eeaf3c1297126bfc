import { describe, expect, it } from 'vitest'
import { dig, parseXml } from '../http/test-client.ts'
import type { EmUser } from './accounts.ts'
import { createEmContext } from './context.ts'
import { type EmRequest, type EmResponse, handle } from './handle.ts'

const context = createEmContext({ sessions: 30 })
const basicAdmin = `Basic ${Buffer.from('admin:admin').toString('base64')}`

function call(method: string, rawPath: string, headers: EmRequest['headers'] = {}): EmResponse {
  return handle({ method, rawPath, headers }, context)
}

function token(): string {
  const reply = call('POST', '/api/sessionMngr/?v=latest', { authorization: basicAdmin })
  const value = reply.headers['X-RestSvcSessionId']
  if (value === undefined) throw new Error(`no token: ${reply.status}`)
  return value
}

function errorStatus(response: EmResponse): unknown {
  const text = response.body.toString('utf8')
  if (response.headers['Content-Type'] === 'application/json') return dig(JSON.parse(text), 'StatusCode')
  return Number(dig(parseXml(text), 'Error', 'StatusCode'))
}

describe('handle() in-process', () => {
  it('answers GET /api/ anonymously with EM headers', () => {
    for (const path of ['/api/', '/api', '/API/']) {
      const response = call('GET', path)
      expect(response.status).toBe(200)
      expect(response.headers).toMatchObject({
        Server: 'Microsoft-HTTPAPI/2.0',
        'Content-Type': 'application/xml',
      })
      expect(response.headers['Content-Length']).toBe(String(response.body.length))
      expect(response.body.toString('utf8')).toContain('EnterpriseManager')
    }
    const json = call('GET', '/api/', { accept: 'text/html, application/json;q=0.9' })
    expect(json.headers['Content-Type']).toBe('application/json')
    expect(JSON.parse(json.body.toString('utf8'))).toHaveProperty('Links')
  })

  it('checks authentication before path, method and parameters (em-api.md §8)', () => {
    expect(call('GET', '/api/nowhere').status).toBe(401)
    expect(call('POST', '/api/query?type=Job').status).toBe(401)
    expect(call('GET', '/api/%zz').status).toBe(401)
    expect(call('GET', '/api/query?type=Nope').status).toBe(401)
    const headers = { 'x-restsvcsessionid': token() }
    expect(call('GET', '/api/nowhere?type=Nope', headers).status).toBe(404)
    expect(call('GET', '/elsewhere', headers).status).toBe(404)
    const wrongMethod = call('POST', '/api/query?type=Nope', headers)
    expect(wrongMethod.status).toBe(405)
    expect(wrongMethod.headers.Allow).toBe('GET')
    expect(call('DELETE', '/api/logonSessions/x', headers).status).toBe(404)
    expect(call('PUT', '/api/logonSessions/x', headers).headers.Allow).toBe('GET, DELETE')
    expect(call('GET', '/api/query?type=Nope', headers).status).toBe(400)
    expect(call('GET', '/api/%zz', headers).status).toBe(400)
    expect(call('GET', '/api/query?type=Job&%E0%A4%A', headers).status).toBe(400)
  })

  it.each([
    [401, 'GET', '/api/jobs', {}],
    [404, 'GET', '/api/tapes', 'token'],
    [405, 'PATCH', '/api/jobs', 'token'],
    [400, 'GET', '/api/query', 'token'],
  ] as const)('answers %i with an Error body in both formats', (status, method, path, auth) => {
    const tokenHeader = auth === 'token' ? { 'x-restsvcsessionid': token() } : {}
    for (const accept of ['application/xml', 'application/json']) {
      const response = call(method, path, { ...tokenHeader, accept })
      expect(response.status).toBe(status)
      expect(errorStatus(response)).toBe(status)
      expect(response.headers['Content-Length']).toBe(String(response.body.length))
      if (status === 401) expect(response.headers['WWW-Authenticate']).toBe('Basic Realm=RestSvc')
    }
  })

  it('turns an exception inside a handler into a 500 Error body', () => {
    const users: EmUser[] = new Proxy([], {
      get() {
        throw new Error('account store exploded')
      },
    })
    const broken = createEmContext({ sessions: 10, users })
    for (const accept of ['application/xml', 'application/json']) {
      const response = handle(
        { method: 'POST', rawPath: '/api/sessionMngr/', headers: { authorization: basicAdmin, accept } },
        broken,
      )
      expect(response.status).toBe(500)
      expect(errorStatus(response)).toBe(500)
    }
  })

  it('advances running sessions with the injected clock', () => {
    let now = Date.UTC(2025, 0, 1)
    const timed = createEmContext({ sessions: 10, now: () => now })
    const before = timed.store.version
    now += 3_600_000
    handle({ method: 'GET', rawPath: '/api/', headers: {} }, timed)
    expect(timed.store.version).not.toBe(before)
  })
})
