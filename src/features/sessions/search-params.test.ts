import { defaultParseSearch } from '@tanstack/react-router'
import { describe, expect, test } from 'vitest'
import { v } from '@/lib/valibot.ts'
import { toSessionQuery } from './explorer-query.ts'
import { findIgnoredParams } from './ignored-params.ts'
import {
  explorerSearchFields,
  explorerSearchSchema,
  parseExplorerSearch,
  SEARCH_DEFAULTS,
} from './search-params.ts'

const GUID = '0bcf5a1e-866c-4b40-8bc3-ce64753b9a6b'

function fromUrl(search: string) {
  const raw = defaultParseSearch(search)
  return {
    raw,
    search: v.parse(explorerSearchSchema, raw),
    ignored: findIgnoredParams(raw, explorerSearchFields),
  }
}

describe('explorer search: defaults and fallbacks', () => {
  test('an empty URL is the default view', () => {
    expect(fromUrl('').search).toEqual(SEARCH_DEFAULTS)
    expect(fromUrl('').ignored).toEqual([])
  })

  test.each([
    ['page=abc', 'page', { page: 1 }, 'expected a whole number'],
    ['page=0', 'page', { page: 1 }, 'expected a page number ≥ 1'],
    ['page=2.5', 'page', { page: 1 }, 'expected a whole number'],
    ['size=7', 'size', { size: 100 }, 'expected one of 25, 50, 100, 250, 500, 1000'],
    ['refresh=10', 'refresh', { refresh: 30 }, 'expected one of 0, 15, 30, 60, 300'],
    ['sort=Progress.desc', 'sort', { sort: 'CreationTime.desc' }, 'expected <field>.asc or <field>.desc'],
    ['sort=EndTime', 'sort', { sort: 'CreationTime.desc' }, 'expected <field>.asc or <field>.desc'],
    ['state=Running', 'state', { state: undefined }, 'expected one or more of Starting, Stopping'],
    ['state=%5B%22Working%22%2C1%5D', 'state', { state: undefined }, ''],
    ['result=None', 'result', { result: undefined }, 'expected one or more of Success, Warning, Failed'],
    ['retry=yes', 'retry', { retry: undefined }, 'expected one of only, exclude'],
    ['retry=1', 'retry', { retry: undefined }, 'Invalid input: expected string, received number'],
    ['created=2d', 'created', { created: undefined }, 'expected one of 1h, 24h, 7d, 30d'],
    ['createdFrom=2025-10-01T06:00', 'createdFrom', { createdFrom: undefined }, 'expected a UTC time'],
    ['endedTo=2025-13-45T99:00:00Z', 'endedTo', { endedTo: undefined }, 'not a real date'],
    ['uid=abc', 'uid', { uid: undefined }, 'expected urn:veeam:ReplicaJobSession:<GUID>'],
    [`jobUid=urn:veeam:BackupServer:${GUID}`, 'jobUid', { jobUid: undefined }, 'urn:veeam:Job:'],
    ['jobType=Backup', 'jobType', { jobType: undefined }, 'expected one of Replica'],
    ['q=Result%3D%3DFaild', 'q', { q: undefined }, '(at '],
    ['q=Progress%3E5', 'q', { q: undefined }, 'Progress'],
    ['color=red', 'color', {}, 'not a parameter of this page'],
  ])('%s falls back and is reported', (url, key, expected, reason) => {
    const { search, ignored } = fromUrl(`?${url}`)
    expect(search).toMatchObject({ ...SEARCH_DEFAULTS, ...expected })
    expect(ignored).toHaveLength(1)
    expect(ignored[0]?.key).toBe(key)
    expect(ignored[0]?.reason).toContain(reason)
  })

  test.each([
    ['page=3', { page: 3 }],
    ['page=%223%22', { page: 3 }],
    ['size=1000', { size: 1000 }],
    ['refresh=0', { refresh: 0 }],
    ['sort=endtime.ASC', { sort: 'EndTime.asc' }],
    ['state=Working', { state: ['Working'] }],
    ['result=failed', { result: ['Failed'] }],
    ['result=%5B%22Failed%22%2C%22Failed%22%5D', { result: ['Failed'] }],
    ['jobType=replica', { jobType: 'Replica' }],
    ['name=2024', { name: '2024' }],
    [`serverUid={${GUID.toUpperCase()}}`, { serverUid: `urn:veeam:BackupServer:${GUID}` }],
    ['createdFrom=2025-10-01T06:00Z', { createdFrom: '2025-10-01T06:00Z' }],
  ])('%s is accepted (hand-written forms included)', (url, expected) => {
    const { search, ignored } = fromUrl(`?${url}`)
    expect(search).toMatchObject(expected)
    expect(ignored).toEqual([])
  })

  test('a preset and a custom range together: the preset applies and the range is reported', () => {
    const { search, ignored } = fromUrl(
      '?created=24h&createdFrom=2025-10-01T06:00:00Z&endedTo=2025-10-01T06:00:00Z',
    )
    expect(toSessionQuery(search, 86_400_000).filter).toEqual({
      creationFrom: 0,
      endTo: Date.UTC(2025, 9, 1, 6),
    })
    expect(ignored).toEqual([
      { key: 'createdFrom', value: '2025-10-01T06:00:00Z', reason: 'created=24h applies instead' },
    ])
  })

  test('several bad values are all reported, good ones kept', () => {
    const { search, ignored } = fromUrl('?page=-1&result=Failed&size=3&name=x')
    expect(search).toMatchObject({ page: 1, size: 100, result: ['Failed'], name: 'x' })
    expect(ignored.map((param) => param.key)).toEqual(['page', 'size'])
  })

  test('parseExplorerSearch never throws, whatever it is given', () => {
    for (const raw of [{ page: null }, { state: { a: 1 } }, { sort: [] }, { q: 7 }, { created: true }]) {
      expect(() => parseExplorerSearch(raw)).not.toThrow()
    }
  })
})
