import { describe, expect, it } from 'vitest'
import { guardRequest } from './request-guard.ts'

describe('guardRequest', () => {
  it.each([
    ['GET', '/api/', '/api/'],
    ['GET', '/api', '/api'],
    ['POST', '/api/sessionMngr/?v=latest', '/api/sessionMngr/'],
    ['DELETE', '/api/logonSessions/44cfbdbe', '/api/logonSessions/44cfbdbe'],
    ['HEAD', '/api/query?type=ReplicaJobSession&filter=name%3D%3D%22a%20b%22', '/api/query'],
    ['GET', '/api/jobs/a%20b', '/api/jobs/a b'],
  ])('forwards %s %s verbatim', (method, target, path) => {
    expect(guardRequest(method, target)).toEqual({ kind: 'forward', pathAndQuery: target, path })
  })

  it.each([
    ['/'],
    ['/apix'],
    ['/api-docs'],
    ['/api.json'],
    ['/src/main.tsx'],
    ['//evil.example/api/'],
    ['/API/'],
  ])('leaves %s to the app', (target) => {
    expect(guardRequest('GET', target)).toEqual({ kind: 'app' })
  })

  it.each([
    ['http://evil.example/api/', 'request target must be a path'],
    ['evil.example:443', 'request target must be a path'],
    ['*', 'request target must be a path'],
    ['/api/../x', 'dot segment'],
    ['/api/./jobs', 'dot segment'],
    ['/api/%2e%2e/x', 'dot segment'],
    ['/api/%2E%2e/x', 'dot segment'],
    ['/api%2f..%2fx', 'encoded slash'],
    ['/api/x%2Fy', 'encoded slash'],
    ['/api/x%5cy', 'encoded slash or backslash'],
    ['/api/x\\y', 'backslash'],
    ['/api\\..\\x', 'backslash'],
    ['/api/x%00', 'control character'],
    ['/api/x%0d%0aHost:%20evil', 'control character'],
    ['/api/x%7F', 'control character'],
    ['/api/x%zz', 'malformed percent-encoding'],
    ['/api/x%', 'malformed percent-encoding'],
    ['/api/x%ff', 'malformed percent-encoding'],
    ['/api%2e%2e/x', 'path must stay under /api/'],
  ])('refuses %s with 400', (target, message) => {
    const verdict = guardRequest('GET', target)
    expect(verdict).toMatchObject({ kind: 'refuse', status: 400 })
    expect(verdict.kind === 'refuse' && verdict.message).toContain(message)
  })

  it.each([['PUT'], ['PATCH'], ['OPTIONS'], ['TRACE']])('refuses %s on /api with 405', (method) => {
    expect(guardRequest(method, '/api/jobs')).toMatchObject({ kind: 'refuse', status: 405 })
  })

  it.each([
    ['GET', '/api/jobs/j1?action=start'],
    ['HEAD', '/api/jobs/j1?format=Entity&action=retry'],
    ['GET', '/api/vmReplicaPoints/p1?Action=failover'],
    ['GET', '/api/backupServers/b1?%61ction=collect'],
  ])('refuses %s %s with 405: an action is never a read', (method, target) => {
    const verdict = guardRequest(method, target)
    expect(verdict).toMatchObject({ kind: 'refuse', status: 405 })
    expect(verdict.kind === 'refuse' && verdict.message).toContain('?action= is not allowed')
  })

  it('forwards a POST with ?action= to the write policy, and a read whose value only mentions an action', () => {
    expect(guardRequest('POST', '/api/jobs/j1?action=start')).toMatchObject({ kind: 'forward' })
    expect(guardRequest('GET', '/api/query?type=Job&filter=Name%3D%3D%22action%3Dstart%22')).toMatchObject({
      kind: 'forward',
    })
  })

  it('refuses CONNECT anywhere with 405', () => {
    expect(guardRequest('CONNECT', 'em.example.com:9398')).toMatchObject({ kind: 'refuse', status: 405 })
    expect(guardRequest('CONNECT', '/')).toMatchObject({ kind: 'refuse', status: 405 })
  })

  it('leaves other methods outside /api to the app', () => {
    expect(guardRequest('OPTIONS', '/index.html')).toEqual({ kind: 'app' })
  })
})
