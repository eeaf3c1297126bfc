import { describe, expect, it } from 'vitest'
import type { ReplicaSessionRecord } from '../data/records.ts'
import { sessionRecord } from '../data/test-records.ts'
import { lookupField } from './field-def.ts'
import { QueryError } from './query-error.ts'
import type { QuerySource } from './query-source.ts'
import { SESSION_FIELDS } from './session-fields.ts'
import { resolveSort, sortKeys } from './sort.ts'

describe('resolveSort', () => {
  it.each([
    [{}, 'CreationTime:asc'],
    [{ sortAsc: 'name' }, 'Name:asc'],
    [{ sortDesc: 'endtime' }, 'EndTime:desc'],
    [{ sortDesc: 'EndTimeUTC' }, 'EndTime:desc'],
    [{ sortAsc: 'CreationTimeUTC' }, 'CreationTime:asc'],
    [{ sortAsc: ' JobName ' }, 'JobName:asc'],
    [{ sortAsc: '', sortDesc: 'Result' }, 'Result:desc'],
    [{ sortAsc: undefined, sortDesc: undefined }, 'CreationTime:asc'],
  ])('%j → %s', (params, key) => {
    expect(resolveSort(SESSION_FIELDS, params, 'CreationTime').key).toBe(key)
  })

  it.each([
    [{ sortAsc: 'Progress' }, "Unknown sort field 'Progress' for type ReplicaJobSession."],
    [{ sortDesc: 'Bogus' }, "Unknown sort field 'Bogus' for type ReplicaJobSession."],
    [{ sortAsc: 'Name', sortDesc: 'Name' }, 'Use either sortAsc or sortDesc, not both.'],
  ])('rejects %j', (params, message) => {
    expect(() => resolveSort(SESSION_FIELDS, params, 'CreationTime')).toThrow(new QueryError(message))
  })
})

const session = (id: string, fields: Partial<ReplicaSessionRecord> = {}) =>
  sessionRecord(id, { name: id, endTime: 0, ...fields })

const source: QuerySource = {
  servers: [],
  jobs: [],
  sessions: [],
  tasks: [],
  sessionById: () => undefined,
  version: 0,
}

// The sign of comparing `a` with `b` by `field`, through a key column as sorting uses it.
function compareBy(fieldName: string, a: ReplicaSessionRecord, b: ReplicaSessionRecord): number {
  const field = lookupField(SESSION_FIELDS, fieldName)
  if (field === undefined) throw new Error(fieldName)
  const column = sortKeys(field).column()
  column.set(0, a, source)
  column.set(1, b, source)
  return Math.sign(column.compare(0, 1))
}

describe('sortKeys', () => {
  it.each([
    ['JobName', { jobName: 'alpha' }, { jobName: 'BETA' }, -1],
    ['JobName', { jobName: 'Alpha' }, { jobName: 'ALPHA' }, 0],
    ['JobName', { jobName: '_x' }, { jobName: 'a' }, 1],
    ['JobUid', { jobId: 'B' }, { jobId: 'a' }, 1],
    ['Result', { result: 'None' }, { result: 'Success' }, -1],
    ['Result', { result: 'Failed' }, { result: 'Warning' }, 1],
    ['State', { state: 'Stopping' }, { state: 'Working' }, -1],
    ['EndTime', { endTime: null }, { endTime: -9e15 }, -1],
    ['EndTime', { endTime: null }, { endTime: null }, 0],
    ['CreationTime', { creationTime: 2 }, { creationTime: 1 }, 1],
    ['IsRetry', { isRetry: false }, { isRetry: true }, -1],
  ] as const)('%s: %j vs %j → %i', (fieldName, a, b, expected) => {
    expect(compareBy(fieldName, session('a', a), session('b', b))).toBe(expected)
  })
})
