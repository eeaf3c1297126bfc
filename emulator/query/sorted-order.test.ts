import { describe, expect, it } from 'vitest'
import type { ReplicaSessionRecord } from '../data/records.ts'
import { querySource, sessionRecord } from '../data/test-records.ts'
import { lookupField } from './field-def.ts'
import type { QuerySource } from './query-source.ts'
import { SESSION_FIELDS } from './session-fields.ts'
import { sortKeys } from './sort.ts'
import { orderCache, type SortInput, sortRecords } from './sorted-order.ts'

const session = (id: string, fields: Partial<ReplicaSessionRecord> = {}) =>
  sessionRecord(id, { name: id, endTime: 0, ...fields })
const sourceOf = (sessions: ReplicaSessionRecord[], version = 1) => querySource({ sessions, version })

function input(fieldName: string, descending: boolean, source: QuerySource): SortInput<ReplicaSessionRecord> {
  const field = lookupField(SESSION_FIELDS, fieldName)
  if (field === undefined) throw new Error(fieldName)
  return { key: `${field.name}:${descending}`, keys: sortKeys(field), descending, source }
}

const ids = (records: readonly ReplicaSessionRecord[]) => records.map((r) => r.id)

describe('sortRecords', () => {
  const records = [
    session('c', { jobName: 'b', endTime: 5 }),
    session('A', { jobName: 'B', endTime: null }),
    session('b', { jobName: 'a', endTime: 5 }),
    session('d', { jobName: 'b', endTime: null }),
  ]

  it.each([
    ['JobName', false, ['b', 'A', 'c', 'd']],
    // Ties stay in UID order (ignoring case) in both directions.
    ['JobName', true, ['A', 'c', 'd', 'b']],
    // An unknown end sorts smallest.
    ['EndTime', false, ['A', 'd', 'b', 'c']],
    ['EndTime', true, ['b', 'c', 'A', 'd']],
  ] as const)('by %s, descending %s', (fieldName, descending, expected) => {
    expect(ids(sortRecords(records.slice(), input(fieldName, descending, sourceOf(records))))).toEqual(
      expected,
    )
  })
})

// A small deterministic generator, so a failure replays.
function randomFrom(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
    return state / 2_147_483_648
  }
}

describe('orderCache', () => {
  it('returns the same order while the version and the array hold', () => {
    const records = [session('b', { creationTime: 2 }), session('a', { creationTime: 1 })]
    const cache = orderCache<ReplicaSessionRecord>()
    const source = sourceOf(records)
    const first = cache.order(records, input('CreationTime', false, source))
    expect(Array.from(first)).toEqual([1, 0])
    expect(cache.order(records, input('CreationTime', false, source))).toBe(first)
  })

  it('sees an in-place change once the version moves', () => {
    const records = [session('a', { creationTime: 1 }), session('b', { creationTime: 2 })]
    const cache = orderCache<ReplicaSessionRecord>()
    cache.order(records, input('CreationTime', false, sourceOf(records, 1)))
    const [first] = records
    if (first !== undefined) first.creationTime = 3
    expect(Array.from(cache.order(records, input('CreationTime', false, sourceOf(records, 2))))).toEqual([
      1, 0,
    ])
  })

  it('leaves an order it handed out alone, and recovers from an update that throws', () => {
    const records = [session('a', { creationTime: 1 }), session('b', { creationTime: 2 })]
    const cache = orderCache<ReplicaSessionRecord>()
    const first = cache.order(records, input('CreationTime', false, sourceOf(records, 1)))
    const [a] = records
    if (a !== undefined) a.creationTime = 3
    const second = cache.order(records, input('CreationTime', false, sourceOf(records, 2)))
    expect(Array.from(first)).toEqual([0, 1])
    expect(Array.from(second)).toEqual([1, 0])
    const holed = [...records]
    holed.length = 3
    expect(() => cache.order(holed, input('CreationTime', false, sourceOf(holed, 3)))).toThrow(/hole at 2/)
    expect(Array.from(cache.order(records, input('CreationTime', false, sourceOf(records, 4))))).toEqual([
      1, 0,
    ])
  })

  type Mutation = (
    records: ReplicaSessionRecord[],
    random: () => number,
    serial: number,
  ) => ReplicaSessionRecord[]
  const fresh = (random: () => number, serial: number) =>
    session(`id${Math.floor(random() * 1e6)}-${serial}`, {
      jobName: `Job ${Math.floor(random() * 5)}`,
      creationTime: Math.floor(random() * 1000),
      endTime: random() < 0.2 ? null : Math.floor(random() * 1000),
      result: random() < 0.5 ? 'Success' : 'Failed',
    })
  const mutations: Record<string, Mutation> = {
    append: (records, random, serial) => {
      records.push(fresh(random, serial), fresh(random, serial + 1))
      return records
    },
    'change in place': (records, random) => {
      const record = records[Math.floor(random() * records.length)]
      if (record !== undefined) {
        record.endTime = random() < 0.5 ? null : Math.floor(random() * 1000)
        record.jobName = `Job ${Math.floor(random() * 5)}`
        record.result = 'Warning'
      }
      return records
    },
    'replace a record': (records, random, serial) => {
      records[Math.floor(random() * records.length)] = fresh(random, serial)
      return records
    },
    'drop the oldest': (records, random) => {
      records.splice(0, 1 + Math.floor(random() * 3))
      return records
    },
    'drop the newest': (records) => {
      records.pop()
      return records
    },
    'remove from the middle': (records, random) => {
      records.splice(Math.floor(random() * records.length), 1)
      return records
    },
    'new array, same records': (records) => records.slice(),
    'new array, reversed': (records) => records.slice().reverse(),
  }

  it.each(
    ['JobName', 'EndTime', 'Result', 'CreationTime', 'UID'].flatMap((field) => [
      [field, false],
      [field, true],
    ]),
  )(
    'stays equal to a full sort by %s (descending %s) through every kind of store change',
    (fieldName, descending) => {
      const random = randomFrom(7)
      let records = Array.from({ length: 60 }, (_, i) => fresh(random, i))
      const cache = orderCache<ReplicaSessionRecord>()
      const names = Object.keys(mutations)
      for (let step = 1; step <= 200; step++) {
        const sort = input(String(fieldName), Boolean(descending), sourceOf(records, step))
        const order = cache.order(records, sort)
        const expected = ids(sortRecords(records.slice(), sort))
        expect(Array.from(order, (i) => records[i]?.id)).toEqual(expected)
        const mutation = mutations[names[Math.floor(random() * names.length)] ?? 'append']
        if (mutation !== undefined) records = mutation(records, random, 1000 + step * 10)
        if (records.length < 10)
          records.push(...Array.from({ length: 20 }, (_, i) => fresh(random, 5000 + step * 30 + i)))
      }
    },
  )
})
