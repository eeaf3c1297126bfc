import { describe, expect, test } from 'vitest'
import { v } from '@/lib/valibot.ts'
import { type SessionSearch, sessionSearchSchema, toSessionFilter } from './session-url-filter.ts'

const NOW = Date.UTC(2025, 9, 19, 12)
const JOB = 'urn:veeam:Job:2c49a44e-1e59-4527-a6bc-6b2f9b579ee1'

function filterOf(raw: Record<string, unknown>) {
  return toSessionFilter(v.parse(sessionSearchSchema, raw), NOW)
}

describe('toSessionFilter', () => {
  test('maps every URL key onto its SessionFilter field', () => {
    const search: SessionSearch = v.parse(sessionSearchSchema, {
      name: 'n',
      uid: '0bcf5a1e-866c-4b40-8bc3-ce64753b9a6b',
      jobUid: JOB,
      job: 'j',
      serverUid: 'ce15a8c7-aa49-495e-b05b-ee3398c91018',
      server: 's',
      jobType: 'Replica',
      state: ['Working'],
      result: ['Failed', 'Warning'],
      retry: 'exclude',
      createdFrom: '2025-10-01T00:00:00Z',
      createdTo: '2025-10-02T00:00:00Z',
      ended: '24h',
      q: 'Name!="x"',
    })
    expect(toSessionFilter(search, NOW)).toEqual({
      name: 'n',
      uid: 'urn:veeam:ReplicaJobSession:0bcf5a1e-866c-4b40-8bc3-ce64753b9a6b',
      jobUid: JOB,
      jobName: 'j',
      backupServerUid: 'urn:veeam:BackupServer:ce15a8c7-aa49-495e-b05b-ee3398c91018',
      backupServerName: 's',
      jobType: 'Replica',
      states: ['Working'],
      results: ['Failed', 'Warning'],
      isRetry: false,
      creationFrom: Date.UTC(2025, 9, 1),
      creationTo: Date.UTC(2025, 9, 2),
      endFrom: NOW - 86_400_000,
      advanced: 'Name!="x"',
    })
  })

  test.each([
    ['1h', 3_600_000],
    ['24h', 86_400_000],
    ['7d', 7 * 86_400_000],
    ['30d', 30 * 86_400_000],
  ])('created=%s starts that long before now and stays open at the end', (window, ms) => {
    expect(filterOf({ created: window })).toEqual({ creationFrom: NOW - ms })
  })

  test('blank text and empty lists add no condition', () => {
    expect(filterOf({ name: '  ', job: '', state: [], q: ' ' })).toEqual({})
  })

  test('bad values are dropped by the lenient schema, never thrown', () => {
    expect(
      filterOf({ uid: 'nope', state: 'Sleeping', created: '2w', createdTo: 'yesterday', retry: 1 }),
    ).toEqual({})
  })
})
