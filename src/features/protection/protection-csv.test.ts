import { describe, expect, it } from 'vitest'
import type { ProtectionRow } from '@/em/protection/protection-types.ts'
import { protectionFileName, protectionToCsv } from './protection-csv.ts'

const row: ProtectionRow = {
  key: 'k',
  vmName: '=cmd|calc',
  jobName: 'SQL, "prod"',
  jobUid: null,
  serverName: 'vbr-dr01.corp.local',
  platform: 'VMware',
  status: 'outOfRpo',
  detail: 'Newest point 30 h old; failed in the last 2 runs',
  lastPoint: Date.UTC(2025, 10, 4, 6, 0, 0),
  ageMs: 30 * 3_600_000,
  olderThan: null,
  latestTask: {
    uid: 'u',
    sessionId: 's',
    result: 'Failed',
    state: 'Completed',
    time: Date.UTC(2025, 10, 5, 11, 0, 0),
    endTime: null,
    reason: 'x',
    fromPoint: false,
  },
  failedRuns: 2,
  streakOpen: false,
  reason: { key: 'k', label: 'l', text: 'Error: Target datastore "DR-DS01" is full' },
  notes: [],
}

describe('protectionToCsv', () => {
  it('writes a header and one line per row: statuses in words, times in UTC, ages in hours, text escaped', () => {
    const lines = protectionToCsv([row]).split('\r\n')
    expect(lines[0]).toBe(
      'VM,Job,Backup server,Platform,Status,Why,Newest point (UTC),Point age (h),Latest run result,Latest run (UTC),Failed runs in a row,Reason',
    )
    expect(lines[1]).toBe(
      `'=cmd|calc,"SQL, ""prod""",vbr-dr01.corp.local,VMware,Out of RPO,Newest point 30 h old; failed in the last 2 runs,2025-11-04T06:00:00Z,30,Failed,2025-11-05T11:00:00Z,2,"Error: Target datastore ""DR-DS01"" is full"`,
    )
    expect(lines).toHaveLength(3)
  })

  it('leaves empty what is not known and names the file by UTC time', () => {
    const blank = { ...row, lastPoint: null, ageMs: null, latestTask: null, reason: null, serverName: null }
    expect(protectionToCsv([blank]).split('\r\n')[1]).toBe(
      `'=cmd|calc,"SQL, ""prod""",,VMware,Out of RPO,Newest point 30 h old; failed in the last 2 runs,,,,,2,`,
    )
    expect(protectionFileName(Date.UTC(2025, 10, 5, 12, 3, 9))).toBe('protection-2025-11-05T1203Z.csv')
  })
})
