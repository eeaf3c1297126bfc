import { describe, expect, it } from 'vitest'
import { guardRequest } from './request-guard.ts'
import { classifyWrite, isOwnOrigin } from './write-policy.ts'

const JOB = '2c49a44e-1e59-4527-a6bc-6b2f9b579ee1'
const SERVER = 'ce15a8c7-aa49-495e-b05b-ee3398c91018'
const SESSION = '44cfbdbe-5a95-4156-8867-91f069b7c2cc'

// As the middleware does: the guard decodes and checks the path first, then the write policy looks at it.
function classify(method: string, target: string) {
  const verdict = guardRequest(method, target)
  if (verdict.kind !== 'forward') return verdict
  return classifyWrite(method, verdict)
}

describe('classifyWrite: the only writes that reach EM', () => {
  it.each([
    ['GET', `/api/jobs/${JOB}?action=start`],
    ['HEAD', '/api/query?type=Job'],
  ])('lets reads through: %s %s', (method, target) => {
    expect(classify(method, target)).toEqual({ kind: 'read' })
  })

  it.each([
    ['POST', '/api/sessionMngr/?v=latest', { kind: 'sign-in' }],
    ['POST', '/api/SESSIONMNGR/', { kind: 'sign-in' }],
    ['DELETE', `/api/logonSessions/${SESSION}`, { kind: 'sign-out' }],
    [
      'POST',
      `/api/jobs/${JOB}?action=start`,
      { kind: 'action', action: { verb: 'start', resource: 'job', id: JOB } },
    ],
    [
      'POST',
      `/api/jobs/${JOB}?action=stop`,
      { kind: 'action', action: { verb: 'stop', resource: 'job', id: JOB } },
    ],
    [
      'POST',
      `/api/jobs/${JOB}?action=retry`,
      { kind: 'action', action: { verb: 'retry', resource: 'job', id: JOB } },
    ],
    [
      'POST',
      `/api/jobs/${JOB.toUpperCase()}?action=retry`,
      { kind: 'action', action: { verb: 'retry', resource: 'job', id: JOB } },
    ],
    [
      'POST',
      `/api/backupServers/${SERVER}?action=collect`,
      { kind: 'action', action: { verb: 'collect', resource: 'backupServer', id: SERVER } },
    ],
  ])('allows %s %s', (method, target, expected) => {
    expect(classify(method, target)).toEqual(expected)
  })

  it.each([
    // Everything else EM offers, whatever the role allows (em-api.md §10, §11, §13.1).
    ['POST', `/api/vmReplicaPoints/${JOB}?action=failover`],
    ['POST', `/api/backupServers/${SERVER}?action=quickbackup`],
    ['POST', `/api/backupServers/${SERVER}?action=veeamzip`],
    ['POST', `/api/jobs/${JOB}?action=toggleScheduleEnabled`],
    ['POST', `/api/jobs/${JOB}?action=clone`],
    ['POST', `/api/jobs/${JOB}?action=sync`],
    ['POST', `/api/jobs/${JOB}/includes`],
    ['POST', `/api/jobs/${JOB}`],
    ['POST', '/api/backupServers?action=create'],
    ['POST', `/api/backupServers/${SERVER}/credentials?action=create`],
    ['POST', `/api/backupServers/${SERVER}?action=start`],
    ['POST', `/api/jobs/${SERVER}?action=collect`],
    ['POST', '/api/logonSessions'],
    ['POST', '/api/query?type=Job'],
    ['DELETE', `/api/jobs/${JOB}`],
    ['DELETE', `/api/jobs/${JOB}/includes/${SERVER}`],
    ['DELETE', `/api/backupServers/${SERVER}`],
    ['DELETE', '/api/tasks/task-1'],
    ['DELETE', '/api/logonSessions'],
    ['DELETE', `/api/logonSessions/${SESSION}?x=1`],
    ['DELETE', `/api/logonSessions/${SESSION}/`],
    ['DELETE', '/api/logonSessions/not-a-guid'],
    // Exact query: one parameter, EM's own spelling, nothing appended.
    ['POST', `/api/jobs/${JOB}?action=start&action=failover`],
    ['POST', `/api/jobs/${JOB}?action=start&x=1`],
    ['POST', `/api/jobs/${JOB}?x=1&action=start`],
    ['POST', `/api/jobs/${JOB}?action=start&`],
    ['POST', `/api/jobs/${JOB}?action=START`],
    ['POST', `/api/jobs/${JOB}?ACTION=start`],
    ['POST', `/api/jobs/${JOB}?action=start;stop`],
    ['POST', `/api/jobs/${JOB}?action=`],
    ['POST', `/api/jobs/${JOB}?`],
    ['POST', `/api/jobs/${JOB}/?action=start`],
    ['POST', `/api/jobs/${JOB}x?action=start`],
    ['POST', `/api/jobs/${JOB.slice(1)}?action=start`],
    ['POST', `/api/JOBS/${JOB}?action=start`],
    ['POST', `/api/backupservers/${SERVER}?action=collect`],
    ['POST', `/api//jobs/${JOB}?action=start`],
    // Encoded variants: EM decodes them (and reads %3F as a query, §4.6), so none is taken on trust.
    ['POST', `/api/jobs/${JOB}%3Faction%3Dstart`],
    ['POST', `/api/jobs/${JOB}%3faction=start`],
    ['POST', `/api/jobs/${JOB}?action=%73tart`],
    ['POST', `/api/jobs/${JOB}?%61ction=start`],
    ['POST', `/api/jobs/${JOB}?action%3Dstart`],
    ['POST', `/api/%6Aobs/${JOB}?action=start`],
    ['POST', `/api/jobs/%32${JOB.slice(1)}?action=start`],
    ['POST', `/api/jobs/${JOB}?action=start%26action%3Dfailover`],
    ['POST', `/api/jobs/${JOB}?action=start+`],
    ['POST', `/api/jobs/${JOB}?action=start%20`],
    ['POST', `/api/jobs/${JOB}%20?action=start`],
  ])('refuses %s %s', (method, target) => {
    expect(classify(method, target)).toMatchObject({ kind: 'refuse' })
  })

  it('names the refused method and path, without the query', () => {
    const verdict = classify('POST', `/api/vmReplicaPoints/${JOB}?action=failover`)
    expect(verdict).toMatchObject({
      kind: 'refuse',
      message: expect.stringContaining(`POST /api/vmReplicaPoints/${JOB} is not allowed`),
    })
  })
})

describe("isOwnOrigin: the dashboard's own pages only", () => {
  it.each([
    ['http://127.0.0.1:5173', '127.0.0.1:5173'],
    ['http://localhost:8080', 'LOCALHOST:8080'],
    ['https://dashboard.example.com', 'dashboard.example.com'],
    ['https://dashboard.example.com', 'dashboard.example.com:443'],
    ['http://dashboard.example.com', 'dashboard.example.com:80'],
    ['http://[::1]:8080', '[::1]:8080'],
  ])('accepts %s for Host %s', (origin, host) => {
    expect(isOwnOrigin(origin, host)).toBe(true)
  })

  it.each([
    [undefined, '127.0.0.1:5173'],
    ['http://127.0.0.1:5173', undefined],
    ['null', '127.0.0.1:5173'],
    ['', '127.0.0.1:5173'],
    ['http://127.0.0.1:5174', '127.0.0.1:5173'],
    ['http://evil.example', '127.0.0.1:5173'],
    ['http://127.0.0.1.evil.example:5173', '127.0.0.1:5173'],
    ['https://dashboard.example.com', 'dashboard.example.com:80'],
    ['https://dashboard.example.com:8443', 'dashboard.example.com'],
    ['file:///etc', 'dashboard.example.com'],
    ['http://127.0.0.1:5173/path', '127.0.0.1:5173'],
    ['http://user@127.0.0.1:5173', '127.0.0.1:5173'],
    ['http://127.0.0.1:5173', '127.0.0.1:5173, evil'],
  ])('refuses Origin %s for Host %s', (origin, host) => {
    expect(isOwnOrigin(origin, host)).toBe(false)
  })
})
