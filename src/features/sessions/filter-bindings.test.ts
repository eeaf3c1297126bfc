// Each of the 12 query parameters (and the advanced text): control value → URL → SessionFilter → EM filter text,
// then back from the URL to the control value, through the router's own search serialisation.
import { defaultParseSearch, defaultStringifySearch } from '@tanstack/react-router'
import { describe, expect, test } from 'vitest'
import { buildFilter, type SessionFilter } from '@/em/session-query-path.ts'
import { type SessionSearch, toSessionFilter } from '@/em/session-url-filter.ts'
import { type FilterBinding, filterBindings, uidProblem } from './filter-bindings.ts'
import { parseExplorerSearch } from './search-params.ts'

const NOW = Date.UTC(2025, 9, 19, 12, 0)
const GUID = '2c49a44e-1e59-4527-a6bc-6b2f9b579ee1'
const OCT_1_0600 = Date.UTC(2025, 9, 1, 6, 0)
const OCT_2_0630 = Date.UTC(2025, 9, 2, 6, 30)

interface Row<V> {
  param: string
  binding: FilterBinding<V>
  value: V
  /** The control value read back from the URL, when it differs (a UID is stored canonical). */
  readBack?: V
  url: string
  filter: SessionFilter
  em: string
}

// One generic helper keeps each row's value type tied to its binding.
function row<V>(r: Row<V>): Row<unknown> {
  return r as Row<unknown>
}

const rows = [
  row({
    param: 'Name',
    binding: filterBindings.name,
    value: 'SQL Replication@2025-10-19 05:41:52',
    url: 'name=SQL+Replication%402025-10-19+05%3A41%3A52',
    filter: { name: 'SQL Replication@2025-10-19 05:41:52' },
    em: 'Name=="SQL Replication@2025-10-19 05:41:52"',
  }),
  row({
    param: 'UID (bare GUID, stored as urn)',
    binding: filterBindings.uid,
    value: GUID.toUpperCase(),
    readBack: `urn:veeam:ReplicaJobSession:${GUID}`,
    url: `uid=urn%3Aveeam%3AReplicaJobSession%3A${GUID}`,
    filter: { uid: `urn:veeam:ReplicaJobSession:${GUID}` },
    em: `UID=="urn:veeam:ReplicaJobSession:${GUID}"`,
  }),
  row({
    param: 'JobUid',
    binding: filterBindings.jobUid,
    value: `urn:veeam:Job:${GUID}`,
    url: `jobUid=urn%3Aveeam%3AJob%3A${GUID}`,
    filter: { jobUid: `urn:veeam:Job:${GUID}` },
    em: `JobUid=="urn:veeam:Job:${GUID}"`,
  }),
  row({
    param: 'JobName',
    binding: filterBindings.jobName,
    value: 'Fileserver02 Replication',
    url: 'job=Fileserver02+Replication',
    filter: { jobName: 'Fileserver02 Replication' },
    em: 'JobName=="Fileserver02 Replication"',
  }),
  row({
    param: 'JobName that looks like a number',
    binding: filterBindings.jobName,
    value: '2024',
    url: 'job=%222024%22',
    filter: { jobName: '2024' },
    em: 'JobName=="2024"',
  }),
  row({
    param: 'JobType',
    binding: filterBindings.jobType,
    value: 'Replica',
    url: 'jobType=Replica',
    filter: { jobType: 'Replica' },
    em: 'JobType==Replica',
  }),
  row({
    param: 'BackupServerUid',
    binding: filterBindings.backupServerUid,
    value: `urn:veeam:BackupServer:${GUID}`,
    url: `serverUid=urn%3Aveeam%3ABackupServer%3A${GUID}`,
    filter: { backupServerUid: `urn:veeam:BackupServer:${GUID}` },
    em: `BackupServerUid=="urn:veeam:BackupServer:${GUID}"`,
  }),
  row({
    param: 'BackupServerName',
    binding: filterBindings.backupServerName,
    value: 'srv02.tech.local',
    url: 'server=srv02.tech.local',
    filter: { backupServerName: 'srv02.tech.local' },
    em: 'BackupServerName=="srv02.tech.local"',
  }),
  row({
    param: 'State (several: an OR group)',
    binding: filterBindings.state,
    value: ['Starting', 'Working'],
    url: 'state=%5B%22Starting%22%2C%22Working%22%5D',
    filter: { states: ['Starting', 'Working'] },
    em: '(State==Starting,State==Working)',
  }),
  row({
    param: 'Result',
    binding: filterBindings.result,
    value: ['Failed'],
    url: 'result=%5B%22Failed%22%5D',
    filter: { results: ['Failed'] },
    em: 'Result==Failed',
  }),
  row({
    param: 'IsRetry only',
    binding: filterBindings.isRetry,
    value: 'only',
    url: 'retry=only',
    filter: { isRetry: true },
    em: 'IsRetry==true',
  }),
  row({
    param: 'IsRetry exclude',
    binding: filterBindings.isRetry,
    value: 'exclude',
    url: 'retry=exclude',
    filter: { isRetry: false },
    em: 'IsRetry==false',
  }),
  row({
    param: 'CreationTime, last 7 days',
    binding: filterBindings.creationTime,
    value: { mode: '7d' },
    url: 'created=7d',
    filter: { creationFrom: NOW - 7 * 86_400_000 },
    em: 'CreationTime>="2025-10-12T12:00:00Z"',
  }),
  row({
    param: 'CreationTime, custom range',
    binding: filterBindings.creationTime,
    value: { mode: 'custom', from: OCT_1_0600, to: OCT_2_0630 },
    url: 'createdFrom=2025-10-01T06%3A00%3A00Z&createdTo=2025-10-02T06%3A30%3A00Z',
    filter: { creationFrom: OCT_1_0600, creationTo: OCT_2_0630 },
    em: 'CreationTime>="2025-10-01T06:00:00Z";CreationTime<="2025-10-02T06:30:00.0009999Z"',
  }),
  row({
    param: 'EndTime, last hour',
    binding: filterBindings.endTime,
    value: { mode: '1h' },
    url: 'ended=1h',
    filter: { endFrom: NOW - 3_600_000 },
    em: 'EndTime>="2025-10-19T11:00:00Z"',
  }),
  row({
    param: 'EndTime, open-ended custom range',
    binding: filterBindings.endTime,
    value: { mode: 'custom', from: null, to: OCT_2_0630 },
    url: 'endedTo=2025-10-02T06%3A30%3A00Z',
    filter: { endTo: OCT_2_0630 },
    em: 'EndTime<="2025-10-02T06:30:00.0009999Z"',
  }),
  row({
    param: 'Advanced',
    binding: filterBindings.advanced,
    value: 'Result>=Warning,State==Working',
    url: 'q=Result%3E%3DWarning%2CState%3D%3DWorking',
    filter: { advanced: 'Result>=Warning,State==Working' },
    em: '(Result>=Warning,State==Working)',
  }),
]

function definedOnly(patch: Partial<SessionSearch>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined))
}

describe('filter control ↔ URL ↔ SessionFilter ↔ EM filter', () => {
  test.each(rows)('$param', ({ binding, value, readBack, url, filter, em }) => {
    const patch = binding.toSearch(value)
    expect(defaultStringifySearch(definedOnly(patch))).toBe(`?${url}`)

    const search = parseExplorerSearch(defaultParseSearch(`?${url}`))
    const sessionFilter = toSessionFilter(search, NOW)
    expect(sessionFilter).toEqual(filter)
    expect(buildFilter(sessionFilter)).toBe(em)

    expect(binding.fromSearch(search)).toEqual(readBack ?? value)
  })

  test.each([
    ['name', filterBindings.name, ''],
    ['state', filterBindings.state, []],
    ['retry', filterBindings.isRetry, 'any'],
    ['jobType', filterBindings.jobType, 'any'],
    ['created', filterBindings.creationTime, { mode: 'any' }],
  ] as const)('the empty %s control leaves the URL and the filter empty', (_key, binding, empty) => {
    const patch = (binding as FilterBinding<typeof empty>).toSearch(empty)
    expect(definedOnly(patch)).toEqual({})
    const search = parseExplorerSearch({})
    expect(buildFilter(toSessionFilter(search, NOW))).toBe('')
    expect((binding as FilterBinding<typeof empty>).fromSearch(search)).toEqual(empty)
  })

  test('text is trimmed and a blank text clears the key', () => {
    expect(filterBindings.name.toSearch('  a b  ')).toEqual({ name: 'a b' })
    expect(filterBindings.jobName.toSearch('   ')).toEqual({ job: undefined })
  })

  test('a preset clears the custom range and a custom range clears the preset', () => {
    expect(filterBindings.creationTime.toSearch({ mode: '24h' })).toEqual({
      created: '24h',
      createdFrom: undefined,
      createdTo: undefined,
    })
    expect(filterBindings.endTime.toSearch({ mode: 'custom', from: OCT_1_0600, to: null })).toEqual({
      ended: undefined,
      endedFrom: '2025-10-01T06:00:00Z',
      endedTo: undefined,
    })
  })
})

describe('uidProblem', () => {
  test.each([
    ['Job', '', null],
    ['Job', GUID, null],
    ['Job', `{${GUID}}`, null],
    ['Job', `URN:VEEAM:JOB:${GUID.toUpperCase()}`, null],
    ['Job', `urn:veeam:BackupServer:${GUID}`, 'Expected urn:veeam:Job:<GUID> or a bare GUID'],
    ['BackupServer', 'srv02', 'Expected urn:veeam:BackupServer:<GUID> or a bare GUID'],
  ] as const)('%s %j → %s', (kind, text, problem) => {
    expect(uidProblem(kind, text)).toBe(problem)
  })
})
