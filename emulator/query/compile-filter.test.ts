import { describe, expect, it } from 'vitest'
import type { ReplicaSessionRecord } from '../data/records.ts'
import { querySource, sessionRecord } from '../data/test-records.ts'
import { filterCompiler } from './compile-filter.ts'
import { QueryError } from './query-error.ts'
import type { EndTimeMode } from './query-source.ts'
import { SESSION_FIELDS } from './session-fields.ts'

// Microseconds since the epoch; Date.parse alone would drop digits past the millisecond.
function at(iso: string): number {
  const [whole = '', fraction = ''] = iso.replace('Z', '').split('.')
  return Date.parse(`${whole}Z`) * 1000 + Number(fraction.padEnd(6, '0'))
}

const session = (id: string, fields: Partial<ReplicaSessionRecord>) =>
  sessionRecord(id, {
    name: `Job A@${id}`,
    jobId: 'job-a',
    jobName: 'Job A',
    backupServerName: 'vbr1.tech.local',
    creationTime: at('2025-08-15T06:00:00Z'),
    endTime: at('2025-08-15T06:10:00Z'),
    ...fields,
  })

const sessions = [
  session('s1', {
    jobName: 'SQL Replication',
    result: 'Warning',
    creationTime: at('2025-08-15T05:59:59.999999Z'),
  }),
  session('s2', { jobName: 'sql replication', result: 'Failed', isRetry: true }),
  session('s3', { jobName: 'Exchange', result: 'Success', creationTime: at('2025-08-15T06:00:00.000001Z') }),
  session('s4', { jobName: 'Exchange_2', state: 'Working', result: 'None', endTime: null }),
  session('s5', {
    jobName: 'File*',
    jobId: 'job-b',
    backupServerId: 'srv-2',
    backupServerName: 'vbr2.tech.local',
    state: 'Pausing',
    result: 'None',
    endTime: null,
  }),
]

const source = querySource({ sessions })

const compile = filterCompiler(SESSION_FIELDS)

function matching(filter: string, mode: EndTimeMode = 'sentinel'): string[] {
  const predicate = compile(filter, mode)
  return sessions.filter((s) => predicate === null || predicate(s, source)).map((s) => s.id)
}

function failure(filter: string): QueryError {
  try {
    compile(filter, 'sentinel')
  } catch (error) {
    if (error instanceof QueryError) return error
    throw error
  }
  throw new Error(`no QueryError for ${filter}`)
}

describe('filters on ReplicaJobSession fields', () => {
  it.each([
    ['', ['s1', 's2', 's3', 's4', 's5']],
    ['JobName=="SQL Replication";Result>=Warning', ['s1', 's2']],
    ['jobname=="SQL REPLICATION"', ['s1', 's2']],
    ['JobName!="sql replication"', ['s3', 's4', 's5']],
    ['JobName==SQL Replication', []],
    ['JobName==sqlreplication', []],
    ['JobName==File*', ['s5']],
    ['JobName==F*', []],
    // Ordinal ignoring case, upper-folded: `EXCHANGE` < `EXCHANGE_2` < `FILE*` < `SQL …`.
    ['JobName<"exchange_2"', ['s3']],
    ['JobName>=exchange_2;JobName<SQL', ['s4', 's5']],
    ['JobName>"Exchange"', ['s1', 's2', 's4', 's5']],
    ['Name=="job a@s3"', ['s3']],
  ])('String: %s', (filter, expected) => {
    expect(matching(filter)).toEqual(expected)
  })

  it.each([
    ['UID=="urn:veeam:ReplicaJobSession:s2"', ['s2']],
    ['uid==URN:VEEAM:REPLICAJOBSESSION:S2', ['s2']],
    ['UID=="s2"', []],
    ['UID!="urn:veeam:ReplicaJobSession:s2"', ['s1', 's3', 's4', 's5']],
    ['UID>"urn:veeam:ReplicaJobSession:s3"', ['s4', 's5']],
    // Compared as the whole text: every session UID sorts after `urn:veeam:Job…` and before `urn:veeam:S…`.
    ['UID>"urn:veeam:Job:zzz"', ['s1', 's2', 's3', 's4', 's5']],
    ['UID<"urn:veeam:S"', ['s1', 's2', 's3', 's4', 's5']],
    ['UID<"urn:veeam:ReplicaJobSession:"', []],
    ['UID>"urn"', ['s1', 's2', 's3', 's4', 's5']],
    ['JobUid=="urn:veeam:Job:job-b"', ['s5']],
    ['BackupServerUid=="urn:veeam:BackupServer:SRV-2"', ['s5']],
    ['BackupServerName=="VBR1.tech.local"', ['s1', 's2', 's3', 's4']],
  ])('UidType: %s', (filter, expected) => {
    expect(matching(filter)).toEqual(expected)
  })

  it.each([
    ['Result>=Warning', ['s1', 's2']],
    ['result>=warning', ['s1', 's2']],
    ['Result<Success', ['s4', 's5']],
    ['Result==none', ['s4', 's5']],
    ['Result!=Success', ['s1', 's2', 's4', 's5']],
    ['Result>Failed', []],
    ['State==Working', ['s4']],
    ['State<Pausing', ['s4']],
    ['State>=Pausing;State<Stopped', ['s5']],
    ['JobType==Replica', ['s1', 's2', 's3', 's4', 's5']],
    ['jobtype==backup', []],
    ['JobType>Backup', ['s1', 's2', 's3', 's4', 's5']],
  ])('Enum: %s', (filter, expected) => {
    expect(matching(filter)).toEqual(expected)
  })

  it.each([
    ['CreationTime>="2025-08-15T06:00:00Z"', ['s2', 's3', 's4', 's5']],
    ['CreationTime>=2025-08-15T06:00:00', ['s2', 's3', 's4', 's5']],
    ['CreationTime>2025-08-15T06:00:00Z', ['s3']],
    ['CreationTime==2025-08-15T06:00:00.000001Z', ['s3']],
    ['CreationTime<2025-08-15T06:00', ['s1']],
    ['CreationTime<2025-08-15', []],
    ['CreationTime>=2025-08-15', ['s1', 's2', 's3', 's4', 's5']],
    ['CreationTimeUTC>"2025-08-15 05:59:59.999999"', ['s2', 's3', 's4', 's5']],
    // A 7th fraction digit lies between two stored microseconds.
    ['CreationTime>2025-08-15T05:59:59.9999985Z', ['s1', 's2', 's3', 's4', 's5']],
    ['CreationTime<2025-08-15T05:59:59.9999995Z', ['s1']],
    ['CreationTime<=2025-08-15T05:59:59.9999985Z', []],
    ['CreationTime==2025-08-15T05:59:59.9999990Z', ['s1']],
    ['CreationTime==2025-08-15T05:59:59.9999991Z', []],
    ['CreationTime!=2025-08-15T05:59:59.9999991Z', ['s1', 's2', 's3', 's4', 's5']],
  ])('DateTime: %s', (filter, expected) => {
    expect(matching(filter)).toEqual(expected)
  })

  // §7: in sentinel mode a running end compares as 1900-01-01; otherwise it is missing and only != holds.
  it.each([
    ['EndTime<2000-01-01', 'sentinel', ['s4', 's5']],
    ['EndTime==1900-01-01T00:00:00Z', 'sentinel', ['s4', 's5']],
    ['EndTime!=1900-01-01', 'sentinel', ['s1', 's2', 's3']],
    ['EndTime>2000-01-01', 'sentinel', ['s1', 's2', 's3']],
    ['EndTime<2000-01-01', 'empty', []],
    ['EndTime==1900-01-01', 'empty', []],
    ['EndTime>2000-01-01', 'empty', ['s1', 's2', 's3']],
    ['EndTime!=1900-01-01', 'empty', ['s1', 's2', 's3', 's4', 's5']],
    ['EndTimeUTC<=2100-01-01', 'absent', ['s1', 's2', 's3']],
    ['EndTime>=1800-01-01', 'absent', ['s1', 's2', 's3']],
    ['EndTime!=2025-08-15T06:10:00Z', 'absent', ['s4', 's5']],
  ] as const)('EndTime of running sessions: %s in %s mode', (filter, mode, expected) => {
    expect(matching(filter, mode)).toEqual(expected)
  })

  it.each([
    ['IsRetry==true', ['s2']],
    ['isretry==TRUE', ['s2']],
    ['IsRetry!=true', ['s1', 's3', 's4', 's5']],
    ['IsRetry==False', ['s1', 's3', 's4', 's5']],
    ['IsRetry!=false', ['s2']],
  ])('Boolean: %s', (filter, expected) => {
    expect(matching(filter)).toEqual(expected)
  })

  it.each([
    ['State==Starting,State==Working,State==Resuming,State==Pausing,State==Stopping', ['s4', 's5']],
    ['(State==Working,State==Pausing);Result==None', ['s4', 's5']],
    ['Result>=Success;Result<=Warning', ['s1', 's3']],
    ['Result>=Success;Result<=Warning;Result!=Success', ['s1']],
    ['Result==Failed;Result==Warning', []],
    ['Result==Failed,JobName==Exchange,Result==Warning', ['s1', 's2', 's3']],
    ['Result==Failed,State==Working;IsRetry==false', ['s2', 's4']],
    ['State==Working,Result==Warning;State==Stopped', ['s1', 's4']],
  ])('Junctions of several comparisons on one enum: %s', (filter, expected) => {
    expect(matching(filter)).toEqual(expected)
  })

  it.each([
    ['Progress==100', 0, "Unknown filter field 'Progress' for type ReplicaJobSession."],
    ['Result==Failed;Bogus==1', 15, "Unknown filter field 'Bogus' for type ReplicaJobSession."],
    [
      'Result==Bogus',
      8,
      "Invalid value 'Bogus' at position 8 for Enum field 'Result': expected one of None, Success, Warning, Failed.",
    ],
    [
      'State==Failed',
      7,
      "Invalid value 'Failed' at position 7 for Enum field 'State': expected one of Starting, Stopping, Working, Pausing, Resuming, Stopped.",
    ],
    [
      'State==Working,State>Bogus',
      21,
      "Invalid value 'Bogus' at position 21 for Enum field 'State': expected one of Starting, Stopping, Working, Pausing, Resuming, Stopped.",
    ],
    [
      'CreationTime>=2025-13-01',
      14,
      "Invalid value '2025-13-01' at position 14 for DateTime field 'CreationTime': no such date; expected a UTC date-time such as 2025-08-15T06:00:00Z or 2025-08-15.",
    ],
    [
      'CreationTime >= "2025-08-15T06:00:00+02:00"',
      16,
      "Invalid value '2025-08-15T06:00:00+02:00' at position 16 for DateTime field 'CreationTime': UTC offsets are not accepted, write the time in UTC with Z.",
    ],
    [
      'EndTime<2025-08-15 06:00:00',
      8,
      "Invalid value '2025-08-1506:00:00' at position 8 for DateTime field 'EndTime': expected a UTC date-time such as 2025-08-15T06:00:00Z or 2025-08-15.",
    ],
    [
      'IsRetry<true',
      7,
      "Operator '<' at position 7 is not allowed for Boolean field 'IsRetry'; use == or !=.",
    ],
    [
      'IsRetry>=false',
      7,
      "Operator '>=' at position 7 is not allowed for Boolean field 'IsRetry'; use == or !=.",
    ],
    [
      'IsRetry==yes',
      9,
      "Invalid value 'yes' at position 9 for Boolean field 'IsRetry': expected true or false.",
    ],
  ])('rejects %j', (filter, position, message) => {
    expect(failure(filter)).toMatchObject({ message, position })
  })

  it('compiles a filter text once per end-time mode', () => {
    expect(compile('Result==Failed', 'sentinel')).toBe(compile('Result==Failed', 'sentinel'))
    expect(compile('Result==Failed', 'empty')).not.toBe(compile('Result==Failed', 'sentinel'))
  })
})
