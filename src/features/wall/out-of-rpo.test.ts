import { describe, expect, it } from 'vitest'
import type { ProtectionRow, ProtectionView } from '@/em/protection/protection-types.ts'
import { outOfRpo } from './out-of-rpo.ts'

const HOUR = 3_600_000

function row(vm: string, patch: Partial<ProtectionRow>): ProtectionRow {
  return {
    key: vm,
    vmName: vm,
    jobName: 'Web',
    jobUid: 'urn:veeam:Job:a',
    serverName: 'vbr-hq01.corp.local',
    platform: 'VMware',
    status: 'protected',
    detail: '',
    lastPoint: null,
    ageMs: HOUR,
    olderThan: null,
    latestTask: null,
    failedRuns: 0,
    streakOpen: false,
    reason: null,
    notes: [],
    ...patch,
  }
}

function view(rows: ProtectionRow[], partial = false): ProtectionView {
  const counts = { outOfRpo: 0, neverReplicated: 0, jobSilent: 0, atRisk: 0, protected: 0 }
  return {
    rows,
    counts,
    oldestPoint: null,
    withinRpoShare: null,
    groups: [],
    limits: [],
    hidden: 0,
    partial,
    lowerBounds: [],
    lookups: { vmNames: [], replicaUids: [] },
  }
}

const ROWS = [
  row('fresh', { status: 'protected' }),
  row('risky', { status: 'atRisk', ageMs: 20 * HOUR }),
  row('old', { status: 'outOfRpo', ageMs: 30 * HOUR }),
  row('older', { status: 'outOfRpo', ageMs: 90 * HOUR, jobName: 'DB', serverName: 'vbr-dr01.corp.local' }),
  row('never', { status: 'neverReplicated', ageMs: null }),
  row('silent-fresh', { status: 'jobSilent', ageMs: 3 * HOUR }),
  row('silent-old', { status: 'jobSilent', ageMs: 50 * HOUR }),
]

describe('outOfRpo', () => {
  it('counts VMs without a point within the RPO, never first, then the oldest', () => {
    expect(outOfRpo(view(ROWS), 24, {}).rows.map((r) => r.vmName)).toEqual([
      'never',
      'older',
      'silent-old',
      'old',
    ])
  })

  it('keeps to the wall’s job and server filter, and says when the count is a lower bound', () => {
    expect(outOfRpo(view(ROWS), 24, { jobName: 'db' }).rows.map((r) => r.vmName)).toEqual(['older'])
    expect(outOfRpo(view(ROWS), 24, { backupServerName: 'VBR-HQ01.corp.local' }).rows).toHaveLength(3)
    expect(outOfRpo(view(ROWS, true), 24, {}).atLeast).toBe(true)
  })

  it('judges by the wall’s own RPO', () => {
    expect(outOfRpo(view(ROWS), 60, {}).rows.map((r) => r.vmName)).toEqual(['never', 'older'])
  })
})
