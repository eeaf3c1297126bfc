import { describe, expect, test } from 'vitest'
import {
  buildFilter,
  buildQueryPath,
  normalizeUid,
  SESSION_FILTER_FIELDS,
  type SessionFilter,
} from './session-query-path.ts'

const JOB = 'urn:veeam:Job:2c49a44e-1e59-4527-a6bc-6b2f9b579ee1'
const SERVER = 'urn:veeam:BackupServer:ce15a8c7-aa49-495e-b05b-ee3398c91018'
const SESSION = 'urn:veeam:ReplicaJobSession:0bcf5a1e-866c-4b40-8bc3-ce64753b9a6b'
const AUG_15_0600 = Date.UTC(2025, 7, 15, 6)

describe('buildFilter', () => {
  test.each<[string, SessionFilter, string]>([
    ['nothing', {}, ''],
    ['empty values', { name: '', states: [], results: [], advanced: '  ' }, ''],
    ['Name', { name: 'SQL Replication@2025-10-19 05:41:52' }, 'Name=="SQL Replication@2025-10-19 05:41:52"'],
    ['UID', { uid: SESSION }, `UID=="${SESSION}"`],
    ['JobUid', { jobUid: JOB }, `JobUid=="${JOB}"`],
    ['JobName', { jobName: 'Fileserver02 Replication' }, 'JobName=="Fileserver02 Replication"'],
    ['JobType', { jobType: 'Replica' }, 'JobType==Replica'],
    ['BackupServerUid', { backupServerUid: SERVER }, `BackupServerUid=="${SERVER}"`],
    ['BackupServerName', { backupServerName: 'srv02.tech.local' }, 'BackupServerName=="srv02.tech.local"'],
    ['one State', { states: ['Working'] }, 'State==Working'],
    [
      'several States',
      { states: ['Working', 'Starting', 'Resuming'] },
      '(State==Working,State==Starting,State==Resuming)',
    ],
    ['a repeated State once', { states: ['Working', 'Working'] }, 'State==Working'],
    ['one Result', { results: ['Failed'] }, 'Result==Failed'],
    ['several Results', { results: ['Warning', 'Failed'] }, '(Result==Warning,Result==Failed)'],
    ['an odd enum value is quoted', { results: ['Not yet'] }, 'Result=="Not yet"'],
    ['IsRetry true', { isRetry: true }, 'IsRetry==true'],
    ['IsRetry false', { isRetry: false }, 'IsRetry==false'],
    ['CreationTime from', { creationFrom: AUG_15_0600 }, 'CreationTime>="2025-08-15T06:00:00Z"'],
    [
      'CreationTime to',
      { creationTo: AUG_15_0600 + 86_400_000 },
      'CreationTime<="2025-08-16T06:00:00.0009999Z"',
    ],
    ['CreationTime with ms', { creationFrom: AUG_15_0600 + 5 }, 'CreationTime>="2025-08-15T06:00:00.005Z"'],
    ['EndTime from', { endFrom: 0 }, 'EndTime>="1970-01-01T00:00:00Z"'],
    ['EndTime to', { endTo: AUG_15_0600 + 123 }, 'EndTime<="2025-08-15T06:00:00.1239999Z"'],
    ['advanced', { advanced: ' State==Working,Result>=Warning ' }, '(State==Working,Result>=Warning)'],
    ['quotes doubled', { name: 'a "b" c' }, 'Name=="a ""b"" c"'],
    ['; and , stay inside quotes', { jobName: 'x;y,z(1)' }, 'JobName=="x;y,z(1)"'],
    [
      'everything, ANDed in a fixed order',
      {
        advanced: 'IsRetry==false',
        endTo: AUG_15_0600,
        endFrom: AUG_15_0600,
        creationTo: AUG_15_0600,
        creationFrom: AUG_15_0600,
        isRetry: true,
        results: ['Success'],
        states: ['Stopped', 'Working'],
        backupServerName: 's',
        backupServerUid: SERVER,
        jobType: 'Replica',
        jobName: 'j',
        jobUid: JOB,
        uid: SESSION,
        name: 'n',
      },
      [
        'Name=="n"',
        `UID=="${SESSION}"`,
        `JobUid=="${JOB}"`,
        'JobName=="j"',
        'JobType==Replica',
        `BackupServerUid=="${SERVER}"`,
        'BackupServerName=="s"',
        '(State==Stopped,State==Working)',
        'Result==Success',
        'IsRetry==true',
        'CreationTime>="2025-08-15T06:00:00Z"',
        'CreationTime<="2025-08-15T06:00:00.0009999Z"',
        'EndTime>="2025-08-15T06:00:00Z"',
        'EndTime<="2025-08-15T06:00:00.0009999Z"',
        '(IsRetry==false)',
      ].join(';'),
    ],
  ])('%s', (_label, filter, expected) => {
    expect(buildFilter(filter)).toBe(expected)
  })

  test('a time that is not a number is refused, not dropped', () => {
    expect(() => buildFilter({ creationFrom: Number.NaN })).toThrow(RangeError)
  })
})

describe('buildQueryPath', () => {
  test('defaults: Entities, newest first, no filter parameter when empty', () => {
    expect(buildQueryPath({ filter: {}, page: 1, pageSize: 100 })).toBe(
      '/api/query?type=ReplicaJobSession&format=Entities&sortDesc=CreationTime&pageSize=100&page=1',
    )
  })

  test('every value percent-encoded', () => {
    const path = buildQueryPath({
      filter: { jobName: 'SQL "Prod" & Co', states: ['Working', 'Starting'], creationFrom: AUG_15_0600 },
      sort: { field: 'JobName', dir: 'asc' },
      page: 3,
      pageSize: 50,
      format: 'References',
    })
    expect(path).toBe(
      '/api/query?type=ReplicaJobSession&format=References' +
        '&filter=JobName%3D%3D%22SQL%20%22%22Prod%22%22%20%26%20Co%22%3B(State%3D%3DWorking%2CState%3D%3DStarting)%3BCreationTime%3E%3D%222025-08-15T06%3A00%3A00Z%22' +
        '&sortAsc=JobName&pageSize=50&page=3',
    )
    const filter = new URL(path, 'http://x').searchParams.get('filter')
    expect(filter).toBe(
      'JobName=="SQL ""Prod"" & Co";(State==Working,State==Starting);CreationTime>="2025-08-15T06:00:00Z"',
    )
  })

  test.each(['UID', 'EndTime', 'BackupServerUid'] as const)('sortDesc=%s', (field) => {
    expect(buildQueryPath({ filter: {}, sort: { field, dir: 'desc' }, page: 1, pageSize: 1 })).toContain(
      `&sortDesc=${field}&`,
    )
  })

  test.each([
    [0, 100],
    [1, 0],
    [1.5, 100],
    [1, Number.NaN],
  ])('page %d, pageSize %d → RangeError', (page, pageSize) => {
    expect(() => buildQueryPath({ filter: {}, page, pageSize })).toThrow(RangeError)
  })
})

describe('normalizeUid', () => {
  const GUID = '2c49a44e-1e59-4527-a6bc-6b2f9b579ee1'
  test.each([
    ['Job', `urn:veeam:Job:${GUID}`, `urn:veeam:Job:${GUID}`],
    ['Job', `URN:VEEAM:JOB:${GUID.toUpperCase()}`, `urn:veeam:Job:${GUID}`],
    ['Job', GUID.toUpperCase(), `urn:veeam:Job:${GUID}`],
    ['Job', `{${GUID}}`, `urn:veeam:Job:${GUID}`],
    ['Job', `  urn:veeam:Job:{${GUID}} `, `urn:veeam:Job:${GUID}`],
    ['BackupServer', GUID, `urn:veeam:BackupServer:${GUID}`],
    ['ReplicaJobSession', `urn:veeam:ReplicaJobSession:${GUID}`, `urn:veeam:ReplicaJobSession:${GUID}`],
    ['Job', `urn:veeam:BackupServer:${GUID}`, null],
    ['Job', `{${GUID}`, null],
    ['Job', GUID.slice(1), null],
    ['Job', `${GUID}x`, null],
    ['Job', 'Fileserver02 Replication', null],
    ['Job', '', null],
  ] as const)('%s %j → %j', (kind, text, expected) => {
    expect(normalizeUid(kind, text)).toBe(expected)
  })
})

describe('SESSION_FILTER_FIELDS', () => {
  test('lists the 12 ReplicaJobSession fields of em-api.md §4.3 once each', () => {
    const names = SESSION_FILTER_FIELDS.map((field) => field.name)
    expect(new Set(names).size).toBe(12)
    expect(names).toEqual(
      expect.arrayContaining([
        'UID',
        'Name',
        'JobType',
        'CreationTime',
        'EndTime',
        'State',
        'Result',
        'IsRetry',
      ]),
    )
  })
})
