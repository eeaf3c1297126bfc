import { describe, expect, it } from 'vitest'
import type { JobRecord } from '../data/records.ts'
import { jobRecord, querySource, serverRecord } from '../data/test-records.ts'
import { filterCompiler } from './compile-filter.ts'
import { JOB_FIELDS } from './job-fields.ts'
import type { QuerySource } from './query-source.ts'

const job = (id: string, fields: Partial<JobRecord>) =>
  jobRecord(id, {
    description: 'Created by .\\veeamadmin',
    scheduleConfigured: true,
    scheduleEnabled: true,
    nextRun: Date.parse('2025-10-20T06:46:00Z') * 1000,
    ...fields,
  })
const server = (id: string, name: string) => serverRecord(id, { name })

const jobs = [
  job('j1', { jobType: 'Backup', platform: 'HyperV' }),
  job('j2', { jobType: 'BackupCopy', platform: 'vCloud', scheduleEnabled: false, backupServerId: 'srv-2' }),
  job('j3', { jobType: 'ImmediateBackupCopy', platform: 'CustomPlatform' }),
  job('j4', { scheduleConfigured: false, scheduleEnabled: false, nextRun: null, backupServerId: 'srv-9' }),
]
const source = querySource({
  servers: [server('srv-1', 'vbr1.tech.local'), server('srv-2', 'vbr2.tech.local')],
  jobs,
})
const compile = filterCompiler(JOB_FIELDS)

function matching(filter: string, from: QuerySource = source): string[] {
  const predicate = compile(filter, 'sentinel')
  return jobs.filter((j) => predicate === null || predicate(j, from)).map((j) => j.id)
}

describe('Job fields', () => {
  it('has exactly the fields of em-api.md §4.3', () => {
    expect([...JOB_FIELDS.byName].map(([name, field]) => `${name}:${field.kind}`)).toEqual([
      'uid:UidType',
      'name:String',
      'description:String',
      'nextrun:DateTime',
      'jobtype:Enum',
      'platform:Enum',
      'scheduleconfigured:Boolean',
      'scheduleenabled:Boolean',
      'backupserveruid:UidType',
      'backupservername:String',
    ])
  })

  it.each([
    ['jobtype==backup;platform==hyperv', ['j1']],
    ['JobType>Backup;JobType<Replica', ['j2', 'j3']],
    ['JobType>=ImmediateBackupCopy', ['j3', 'j4']],
    // VMware < Hyperv < vCloud, CustomPlatform last.
    ['Platform>HyperV', ['j2', 'j3']],
    ['Platform<=Hyperv', ['j1', 'j4']],
    ['Platform==customplatform', ['j3']],
    ['ScheduleEnabled==false', ['j2', 'j4']],
    ['ScheduleConfigured!=true', ['j4']],
    // No schedule, no NextRun element: absent, whatever the end-time mode.
    ['NextRun<2100-01-01', ['j1', 'j2', 'j3']],
    ['NextRun==1900-01-01', []],
    ['NextRun!=2025-10-20T06:46:00Z', ['j4']],
    ['Description=="created by .\\VEEAMADMIN"', ['j1', 'j2', 'j3', 'j4']],
    ['BackupServerUid=="urn:veeam:BackupServer:srv-2"', ['j2']],
    ['BackupServerName=="VBR1.tech.local"', ['j1', 'j3']],
    ['BackupServerName==""', ['j4']],
    ['UID=="urn:veeam:Job:j3"', ['j3']],
  ])('filters %s', (filter, expected) => {
    expect(matching(filter)).toEqual(expected)
  })

  it('looks the server name up again once the source version moves', () => {
    const servers = [server('srv-1', 'vbr1.tech.local')]
    const live: QuerySource = { ...source, servers }
    expect(matching('BackupServerName==renamed', live)).toEqual([])
    servers[0] = server('srv-1', 'renamed')
    live.version = 2
    expect(matching('BackupServerName==renamed', live)).toEqual(['j1', 'j3'])
  })

  it('rejects a platform outside the list', () => {
    expect(() => compile('Platform==Xen', 'sentinel')).toThrow(
      "Invalid value 'Xen' at position 10 for Enum field 'Platform': expected one of VMware, HyperV, vCloud, CustomPlatform.",
    )
  })
})
