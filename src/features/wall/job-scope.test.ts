import { describe, expect, it } from 'vitest'
import { job } from '@/test/domain-fixtures.ts'
import { jobInScope, jobServer } from './job-scope.ts'

describe('jobInScope', () => {
  const sql = job('SQL Replication', 'srv02.tech.local')

  it('takes every job without job or server keys', () => {
    expect(jobInScope(sql, {})).toBe(true)
  })

  it('matches job name, job UID and server name ignoring case, as EM does', () => {
    expect(jobInScope(sql, { jobName: 'sql replication' })).toBe(true)
    expect(jobInScope(sql, { jobName: 'Other' })).toBe(false)
    expect(jobInScope(sql, { jobUid: 'URN:VEEAM:JOB:SQL REPLICATION' })).toBe(true)
    expect(jobInScope(sql, { backupServerName: 'SRV02.tech.local' })).toBe(true)
    expect(jobInScope(sql, { backupServerName: 'srv01' })).toBe(false)
  })

  it("matches the server UID from the job's Up link", () => {
    expect(jobServer(sql).uid).toBe('urn:veeam:BackupServer:ce15a8c7-aa49-495e-b05b-ee3398c91018')
    expect(
      jobInScope(sql, { backupServerUid: 'urn:veeam:BackupServer:ce15a8c7-aa49-495e-b05b-ee3398c91018' }),
    ).toBe(true)
    expect(
      jobInScope(sql, { backupServerUid: 'urn:veeam:BackupServer:00000000-0000-0000-0000-000000000000' }),
    ).toBe(false)
  })
})
