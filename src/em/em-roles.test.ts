import { describe, expect, it } from 'vitest'
import { isRoleRefusal, roleNeedOf, rolesInWords } from './em-roles.ts'
import { EmHttpError } from './errors.ts'

describe('roleNeedOf (em-api.md §10)', () => {
  it.each([
    ['/api/jobs/0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9?format=Entity', 'jobs', 'Portal Administrator'],
    ['/api/query?type=Job&format=Entities&filter=JobType%3D%3DReplica', 'jobs', 'Portal Administrator'],
    ['/api/Query?TYPE=objectInJob', 'jobs', 'Portal Administrator'],
    ['/api/jobs/x/includes', 'jobs', 'Portal Administrator'],
    [
      '/api/query?type=ReplicaJobSession&format=References&pageSize=1',
      'replica sessions',
      'Portal User or Portal Administrator',
    ],
    [
      '/api/replicaSessions/abc/repicaTaskSessions',
      'replica sessions',
      'Portal User or Portal Administrator',
    ],
    ['/api/query?type=ReplicaTaskSession', 'replica sessions', 'Portal User or Portal Administrator'],
    ['/api/backupServers/abc?format=Entity', 'backup servers', 'Portal User or Portal Administrator'],
    ['/api/query?type=BackupServer', 'backup servers', 'Portal User or Portal Administrator'],
    ['/api/reports/summary/overview', 'summary reports', 'Portal User or Portal Administrator'],
    [
      '/api/query?type=VmReplicaPoint',
      'replicas and replica points',
      'Portal User, Portal Administrator, VM Restore Operator or File Restore Operator',
    ],
  ])('%s: %s needs %s', (path, what, roles) => {
    const need = roleNeedOf(path)
    expect(need?.what).toBe(what)
    expect(rolesInWords(need?.roles ?? [])).toBe(roles)
  })

  it.each(['/api/', '/api/logonSessions', '/api/query?type=Nope', '/api/query', '/api/tasks/x'])(
    'names nothing for %s',
    (path) => {
      expect(roleNeedOf(path)).toBeNull()
    },
  )

  it('treats only a 403 from EM as a role refusal', () => {
    expect(isRoleRefusal(new EmHttpError(403, 'Access denied.', '/api/jobs'))).toBe(true)
    expect(isRoleRefusal(new EmHttpError(401, null, '/api/jobs'))).toBe(false)
    expect(isRoleRefusal(new Error('403'))).toBe(false)
  })
})
