import { describe, expect, it } from 'vitest'
import type { ReplicaSessionRecord, TaskSessionRecord } from '../data/records.ts'
import { querySource, sessionRecord, taskRecord } from '../data/test-records.ts'
import { filterCompiler } from './compile-filter.ts'
import type { EndTimeMode } from './query-source.ts'
import { TASK_FIELDS } from './task-fields.ts'

const parent = (id: string, fields: Partial<ReplicaSessionRecord>) =>
  sessionRecord(id, { jobId: 'job-a', jobName: 'Job A', endTime: 10, ...fields })
const task = (id: string, fields: Partial<TaskSessionRecord>) =>
  taskRecord(id, {
    sessionId: 'p1',
    vmName: 'ubuntu88',
    creationTime: 1_000_000,
    endTime: 2_000_000,
    totalSize: 17_179_869_184,
    ...fields,
  })

const sessions = [
  parent('p1', {}),
  parent('p2', { jobId: 'job-b', jobName: 'Job B', backupServerId: 'srv-2', backupServerName: 'vbr2' }),
]
const tasks = [
  task('t1', {}),
  task('t2', {
    sessionId: 'p2',
    vmName: 'win2019',
    totalSize: 8_589_934_592,
    reason: 'Disk full',
    result: 'Failed',
  }),
  task('t3', { sessionId: 'p2', state: 'InProgress', result: 'None', endTime: null }),
  task('t4', { sessionId: 'gone', state: 'Pending', result: 'None', endTime: null }),
]
const source = querySource({ sessions, tasks })
const compile = filterCompiler(TASK_FIELDS)

function matching(filter: string, mode: EndTimeMode = 'sentinel'): string[] {
  const predicate = compile(filter, mode)
  return tasks.filter((t) => predicate === null || predicate(t, source)).map((t) => t.id)
}

describe('ReplicaTaskSession fields', () => {
  it('has exactly the fields of em-api.md §4.3, with the UTC aliases', () => {
    expect([...TASK_FIELDS.byName].map(([name, field]) => `${name}:${field.kind}`)).toEqual([
      'uid:UidType',
      'name:String',
      'creationtime:DateTime',
      'creationtimeutc:DateTime',
      'endtime:DateTime',
      'endtimeutc:DateTime',
      'state:Enum',
      'result:Enum',
      'reason:String',
      'totalsize:Long',
      'jobsessionuid:UidType',
      'jobuid:UidType',
      'jobname:String',
      'backupserveruid:UidType',
      'backupservername:String',
      'vmdisplayname:String',
    ])
  })

  it.each([
    ['JobSessionUid=="urn:veeam:ReplicaJobSession:p2"', ['t2', 't3']],
    // Job and server come from the parent session (§4.3): the task body has none of them.
    ['JobUid=="urn:veeam:Job:job-b"', ['t2', 't3']],
    ['JobName=="job a"', ['t1']],
    ['BackupServerUid=="urn:veeam:BackupServer:srv-1"', ['t1']],
    ['BackupServerName==VBR2', ['t2', 't3']],
    // A task whose session is gone has empty parent fields.
    ['JobName==""', ['t4']],
    ['VmDisplayName==UBUNTU88', ['t1', 't3', 't4']],
    ['Reason=="disk full"', ['t2']],
    ['Reason==""', ['t1', 't3', 't4']],
    ['TotalSize==17179869184', ['t1', 't3', 't4']],
    ['TotalSize<17179869184', ['t2']],
    ['TotalSize>=8589934593', ['t1', 't3', 't4']],
    ['TotalSize>-1', ['t1', 't2', 't3', 't4']],
    ['TotalSize<9223372036854775807', ['t1', 't2', 't3', 't4']],
    ['TotalSize==9007199254740993', []],
    ['State<Completed', ['t3', 't4']],
    ['State==InProgress', ['t3']],
    ['State>InProgress', ['t1', 't2', 't4']],
    ['Result>=Warning', ['t2']],
    ['Result==None', ['t3', 't4']],
  ])('filters %s', (filter, expected) => {
    expect(matching(filter)).toEqual(expected)
  })

  it.each([
    ['EndTime<1970-01-02', 'sentinel', ['t1', 't2', 't3', 't4']],
    ['EndTime==1900-01-01', 'sentinel', ['t3', 't4']],
    ['EndTime<1970-01-02', 'empty', ['t1', 't2']],
    ['EndTimeUTC!=1970-01-01T00:00:02Z', 'absent', ['t3', 't4']],
  ] as const)('reads a running end per the end-time mode: %s in %s mode', (filter, mode, expected) => {
    expect(matching(filter, mode)).toEqual(expected)
  })

  it.each([
    [
      'TotalSize==1.5',
      "Invalid value '1.5' at position 11 for Long field 'TotalSize': expected a decimal integer.",
    ],
    [
      'TotalSize>9223372036854775808',
      "Invalid value '9223372036854775808' at position 10 for Long field 'TotalSize': out of the Int64 range.",
    ],
    [
      'State==Working',
      "Invalid value 'Working' at position 7 for Enum field 'State': expected one of InProgress, Pending, Completed.",
    ],
    ['Progress==1', "Unknown filter field 'Progress' for type ReplicaTaskSession."],
    ['JobType==Replica', "Unknown filter field 'JobType' for type ReplicaTaskSession."],
  ])('rejects %j', (filter, message) => {
    expect(() => compile(filter, 'sentinel')).toThrow(message)
  })
})
