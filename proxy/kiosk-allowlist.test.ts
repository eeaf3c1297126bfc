// The kiosk allowlist reviewed against the role table (em-api.md §10): what the wall and the detail read, GET only
// (kiosk.ts refuses other methods before this list is asked), and never an action, whatever else the URL says.
import { describe, expect, it } from 'vitest'
import { kioskAllows } from './kiosk-allowlist.ts'

const GUID = '0bcf5a1e-866c-4b40-8bc3-ce64753b9a6b'

function verdict(target: string) {
  const at = target.indexOf('?')
  return at === -1 ? kioskAllows(target, '') : kioskAllows(target.slice(0, at), target.slice(at + 1))
}

describe('kioskAllows', () => {
  it.each([
    '/api/',
    '/api/query?type=ReplicaJobSession&format=Entities&sortDesc=CreationTime&pageSize=1000&page=1',
    '/api/query?type=Job&format=Entities&filter=JobType%3D%3DReplica&sortAsc=Name&pageSize=1000&page=1',
    '/api/query?type=ReplicaTaskSession&format=Entities&filter=JobSessionUid%3D%3D%22x%22',
    `/api/replicaSessions/${GUID}?format=Entity`,
    `/api/replicaSessions/${GUID}/repicaTaskSessions`,
    `/api/backupServers/${GUID}?format=Entity`,
    `/api/jobs/${GUID}?format=Entity`,
    // The wall's "VMs out of RPO" tile: replica points, replicas and the jobs' includes (em-api.md §11, §12).
    '/api/query?type=VmReplicaPoint&format=Entities&filter=CreationTime%3E%3D%22x%22&sortDesc=CreationTime',
    '/api/query?type=Replica&format=Entities&sortAsc=Name',
    '/api/query?type=ObjectInJob&format=Entities&sortAsc=Name',
  ])('allows %s', (target) => {
    expect(verdict(target)).toEqual({ allowed: true })
  })

  it.each([
    `/api/jobs/${GUID}?action=start`,
    `/api/jobs/${GUID}?format=Entity&action=retry`,
    `/api/backupServers/${GUID}?action=collect`,
    `/api/vmReplicaPoints/${GUID}?action=failover`,
    '/api/query?type=ReplicaJobSession&action=start',
    '/api/?action=x',
    `/api/replicaSessions/${GUID}?ACTION=stop`,
  ])('refuses %s: no action, even for GET', (target) => {
    expect(verdict(target)).toEqual({ allowed: false, reason: '?action= is never allowed' })
  })

  it.each([
    // Neither the wall nor the detail lists backup servers; the detail follows one server's Up link.
    '/api/query?type=BackupServer&format=Entities',
    '/api/query?type=Task',
    `/api/vmReplicaPoints/${GUID}`,
    `/api/replicas/${GUID}/vmReplicaPoints`,
    `/api/jobs/${GUID}/includes`,
    '/api/reports/summary',
    '/api/tasks',
    '/api/logonSessions',
  ])('refuses %s: neither the wall nor the detail reads it', (target) => {
    expect(verdict(target).allowed).toBe(false)
  })
})
