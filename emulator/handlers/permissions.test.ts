// Every role × resource × method of em-api.md §10, transcribed from the table by hand (not from permissions.ts),
// checked twice: against the role table itself, and through handle() for every request the emulator serves.
import { describe, expect, it } from 'vitest'
import { dig, parseXml } from '../http/test-client.ts'
import { parseUsers, ROLES, type Role } from './accounts.ts'
import { createEmContext } from './context.ts'
import { type EmResponse, handle } from './handle.ts'
import { type Operation, rolesAllow } from './permissions.ts'

const ADMIN = 'portal-admin'
const USER = 'portal-user'
const VM = 'vm-restore-operator'
const FILE = 'file-restore-operator'
const APP = 'app-restore-operator'

interface TableRow {
  operation: Operation
  /** Method and path; {session}, {task}, {server}, {job} become real ids, {other} an unknown one. */
  requests: readonly string[]
  /** The roles with "yes" in this row of §10. */
  roles: readonly Role[]
}

const TABLE: readonly TableRow[] = [
  {
    operation: 'replicaSessions',
    requests: [
      'GET /api/replicaSessions',
      'GET /api/replicaSessions?format=Entity',
      'GET /api/replicaSessions/{session}',
      'GET /api/replicaSessions/{session}/replicaTaskSessions',
      'GET /api/replicaTaskSessions',
      'GET /api/replicaTaskSessions/{task}',
      'GET /api/query?type=ReplicaJobSession',
      'GET /api/query?type=ReplicaTaskSession',
    ],
    roles: [ADMIN, USER],
  },
  {
    operation: 'backupServers',
    requests: [
      'GET /api/backupServers',
      'GET /api/backupServers/{server}',
      'GET /api/query?type=BackupServer',
    ],
    roles: [ADMIN, USER],
  },
  {
    operation: 'collect',
    requests: ['POST /api/backupServers/{server}?action=collect'],
    roles: [ADMIN, USER],
  },
  {
    operation: 'jobs',
    requests: [
      'GET /api/jobs',
      'GET /api/jobs/{job}',
      'GET /api/jobs/{job}?format=Entity',
      'GET /api/jobs/{job}/includes',
      'POST /api/jobs/{job}?action=start',
      'POST /api/jobs/{job}?action=stop',
      'POST /api/jobs/{job}?action=retry',
      'GET /api/query?type=Job',
      'GET /api/query?type=ObjectInJob',
    ],
    roles: [ADMIN],
  },
  {
    operation: 'replicas',
    requests: ['GET /api/replicas', 'GET /api/replicas/{other}', 'GET /api/query?type=Replica'],
    roles: [ADMIN, USER, VM, FILE],
  },
  {
    operation: 'vmReplicaPoints',
    requests: [
      'GET /api/vmReplicaPoints',
      'GET /api/vmReplicaPoints/{other}',
      'GET /api/query?type=VmReplicaPoint',
    ],
    roles: [ADMIN, USER, VM, FILE],
  },
  {
    operation: 'failover',
    requests: ['POST /api/vmReplicaPoints/{other}?action=failover'],
    roles: [ADMIN, USER, VM, FILE],
  },
  {
    operation: 'tasks',
    requests: [
      'GET /api/tasks',
      'GET /api/tasks/{other}',
      'DELETE /api/tasks/{other}',
      'GET /api/query?type=Task',
    ],
    roles: [ADMIN, USER, VM, FILE, APP],
  },
  {
    operation: 'reports',
    requests: ['GET /api/reports/summary', 'GET /api/reports/summary/overview'],
    roles: [ADMIN, USER],
  },
]

const context = createEmContext({
  sessions: 30,
  users: parseUsers(
    [
      ...ROLES.map((role) => `${role}:pw:${role}`),
      'both:pw:portal-user+vm-restore-operator',
      'legacy-admin:pw:admin',
      'legacy-restore:pw:restore',
    ].join(','),
  ),
})

function call(method: string, rawPath: string, headers: Record<string, string> = {}): EmResponse {
  return handle({ method, rawPath, headers }, context)
}

function logOn(user: string): Record<string, string> {
  const authorization = `Basic ${Buffer.from(`${user}:pw`).toString('base64')}`
  const reply = call('POST', '/api/sessionMngr/?v=latest', { authorization })
  const token = reply.headers['X-RestSvcSessionId']
  if (reply.status !== 201 || token === undefined)
    throw new Error(`${user} could not log on: ${reply.status}`)
  return { 'x-restsvcsessionid': token }
}

const session = context.store.sessions[0]
const task = session ? context.store.tasksOfSession(session.id)[0] : undefined
const ids: Record<string, string | undefined> = {
  session: session?.id,
  task: task?.id,
  server: context.store.servers[0]?.id,
  job: context.store.jobs[0]?.id,
  other: '0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9',
}

function split(request: string): [string, string] {
  const [method = '', path = ''] = request.split(' ')
  return [method, path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? `missing-${name}`)]
}

// Whether the emulator serves a request at all: a Portal Administrator may do everything, so anything but 404,
// 405 or "unknown query type" means it is served. The rest is checked against the table only, until it is.
function served(request: string): boolean {
  const [method, path] = split(request)
  const reply = call(method, path, logOn(ADMIN))
  return reply.status !== 404 && reply.status !== 405 && !/Unknown query type/.test(reply.body.toString())
}

const cases = TABLE.flatMap((row) =>
  row.requests.flatMap((request) =>
    ROLES.map((role) => ({ request, role, allowed: row.roles.includes(role), served: served(request) })),
  ),
)

function errorOf(reply: EmResponse): { status: unknown; message: unknown } {
  const doc = parseXml(reply.body.toString('utf8'))
  return { status: Number(dig(doc, 'Error', 'StatusCode')), message: dig(doc, 'Error', 'Message') }
}

describe('the role table (em-api.md §10)', () => {
  it.each(TABLE.flatMap((row) => ROLES.map((role) => ({ ...row, role }))))(
    '$role on $operation',
    ({ operation, roles, role }) => {
      expect(rolesAllow([role], operation)).toBe(roles.includes(role))
    },
  )

  it('lets every role use the root, logon and its own logon session', () => {
    for (const role of ROLES) {
      const headers = logOn(role)
      expect(call('GET', '/api/', headers).status, role).toBe(200)
      expect(call('GET', '/api/logonSessions', headers).status, role).toBe(200)
      const token = headers['x-restsvcsessionid'] ?? ''
      const id = Buffer.from(token, 'base64').toString('utf8')
      expect(call('GET', `/api/logonSessions/${id}`, headers).status, role).toBe(200)
      expect(call('DELETE', `/api/logonSessions/${id}`, headers).status, role).toBe(204)
    }
  })
})

describe.each(cases.filter((c) => c.served))('$role: $request', ({ request, role, allowed }) => {
  const [method, path] = split(request)
  if (allowed) {
    it('is answered', () => {
      expect(call(method, path, logOn(role)).status).toBeLessThan(300)
    })
  } else {
    it("gets EM's 403 Access denied with an Error body (§16)", () => {
      const reply = call(method, path, logOn(role))
      expect(reply.status).toBe(403)
      expect(errorOf(reply)).toEqual({ status: 403, message: 'Access denied.' })
    })
  }
})

describe('the HTTP cases above', () => {
  it('cover every request of §1–§9 the emulator serves today; later resources join as their routes land', () => {
    const servedNow = [...new Set(cases.filter((c) => c.served).map((c) => c.request))]
    const sessionsAndServers = TABLE.filter((row) =>
      ['replicaSessions', 'backupServers'].includes(row.operation),
    )
    expect(servedNow).toEqual(expect.arrayContaining(sessionsAndServers.flatMap((row) => row.requests)))
    expect(servedNow).toEqual(
      expect.arrayContaining(['GET /api/jobs', 'GET /api/jobs/{job}', 'GET /api/query?type=Job']),
    )
  })
})

describe('accounts with several roles, and the old role names', () => {
  it('allows what any of the roles allows', () => {
    const headers = logOn('both')
    expect(call('GET', '/api/query?type=ReplicaJobSession', headers).status).toBe(200)
    expect(call('GET', '/api/query?type=Job', headers).status).toBe(403)
  })

  it('reads `admin` as Portal Administrator and `restore` as all three restore-operator roles', () => {
    expect(call('GET', '/api/query?type=Job', logOn('legacy-admin')).status).toBe(200)
    const restore = logOn('legacy-restore')
    expect(call('GET', '/api/query?type=ReplicaJobSession', restore).status).toBe(403)
    expect(call('GET', '/api/replicaSessions', restore).status).toBe(403)
    expect(call('GET', '/api/', restore).status).toBe(200)
    expect(rolesAllow(parseUsers('r:pw:restore')[0]?.roles ?? [], 'tasks')).toBe(true)
    expect(rolesAllow(parseUsers('r:pw:restore')[0]?.roles ?? [], 'replicas')).toBe(true)
  })

  it('checks the query type in any letter case', () => {
    expect(call('GET', '/api/query?type=job', logOn(USER)).status).toBe(403)
    expect(call('GET', '/api/query?TYPE=JOB', logOn(USER)).status).toBe(403)
  })
})
