import { describe, expect, it } from 'vitest'
import type { ProtectionRow } from '@/em/protection/protection-types.ts'
import { v } from '@/lib/valibot.ts'
import { facetsOf, filterRows, scopeRows, sortRows } from './rows.ts'
import { protectionSearchSchema } from './search-params.ts'

function row(vm: string, patch: Partial<ProtectionRow> = {}): ProtectionRow {
  return {
    key: vm,
    vmName: vm,
    jobName: 'Web',
    jobUid: null,
    serverName: 'vbr-hq01.corp.local',
    platform: 'VMware',
    status: 'protected',
    detail: '',
    lastPoint: 0,
    ageMs: 3_600_000,
    olderThan: null,
    latestTask: null,
    failedRuns: 0,
    streakOpen: false,
    reason: null,
    notes: [],
    ...patch,
  }
}

const disk = { key: 'target datastore has insufficient free space', label: 'x', text: 'x' }
const ROWS = [
  row('web10', { ageMs: 2 * 3_600_000 }),
  row('web2', { status: 'outOfRpo', ageMs: 30 * 3_600_000, failedRuns: 2, reason: disk }),
  row('db01', {
    jobName: 'DB',
    serverName: 'vbr-dr01.corp.local',
    platform: 'HyperV',
    status: 'neverReplicated',
    ageMs: null,
  }),
  row('db02', {
    jobName: 'DB',
    serverName: 'vbr-dr01.corp.local',
    platform: 'HyperV',
    status: 'atRisk',
    ageMs: 20 * 3_600_000,
    failedRuns: 1,
    reason: disk,
  }),
]
const search = (raw: Record<string, unknown>) => v.parse(protectionSearchSchema, raw)

describe('rows of a search', () => {
  it('scopes by job, server, platform (any case) and part of the VM name, whatever the status', () => {
    expect(scopeRows(ROWS, search({ job: 'db' })).map((r) => r.vmName)).toEqual(['db01', 'db02'])
    expect(scopeRows(ROWS, search({ server: 'VBR-HQ01.corp.local' })).map((r) => r.vmName)).toEqual([
      'web10',
      'web2',
    ])
    expect(scopeRows(ROWS, search({ platform: 'hyperv', vm: '02' })).map((r) => r.vmName)).toEqual(['db02'])
  })

  it('filters by status and by failure reason (only VMs whose latest runs failed)', () => {
    expect(filterRows(ROWS, search({ status: ['outOfRpo', 'atRisk'] })).map((r) => r.vmName)).toEqual([
      'web2',
      'db02',
    ])
    expect(
      filterRows(ROWS, search({ reason: disk.key, server: 'vbr-dr01.corp.local' })).map((r) => r.vmName),
    ).toEqual(['db02'])
  })

  it('sorts worst first by default, then by any column either way; VM names in natural order', () => {
    expect(sortRows(ROWS, 'status.asc').map((r) => r.vmName)).toEqual(['web2', 'db01', 'db02', 'web10'])
    expect(sortRows(ROWS, 'vm.asc').map((r) => r.vmName)).toEqual(['db01', 'db02', 'web2', 'web10'])
    expect(sortRows(ROWS, 'age.desc').map((r) => r.vmName)).toEqual(['db01', 'web2', 'db02', 'web10'])
    expect(sortRows(ROWS, 'job.desc').map((r) => r.vmName)).toEqual(['web10', 'web2', 'db02', 'db01'])
  })

  it('offers each job, server and platform once, sorted', () => {
    expect(facetsOf(ROWS)).toEqual({
      jobs: ['DB', 'Web'],
      servers: ['vbr-dr01.corp.local', 'vbr-hq01.corp.local'],
      platforms: ['HyperV', 'VMware'],
    })
  })
})

describe('protectionSearchSchema', () => {
  it('has defaults and drops each bad key on its own', () => {
    expect(search({})).toMatchObject({ rpo: 24, risk: 80, window: 48, sort: 'status.asc', refresh: 300 })
    expect(
      search({ rpo: 'abc', risk: 5, window: 36, sort: 'size.up', refresh: 7, job: 'Web', status: 'nope' }),
    ).toEqual({
      rpo: 24,
      risk: 80,
      window: 48,
      sort: 'status.asc',
      refresh: 300,
      job: 'Web',
      status: undefined,
      server: undefined,
      platform: undefined,
      reason: undefined,
      vm: undefined,
    })
  })

  it('reads hand-typed values: numbers as text, one status, any case', () => {
    expect(search({ rpo: '12', window: '168', status: 'outofrpo', job: 2024 })).toMatchObject({
      rpo: 12,
      window: 168,
      status: ['outOfRpo'],
      job: '2024',
    })
  })
})
