import { describe, expect, it } from 'vitest'
import { v } from '@/lib/valibot.ts'
import { DETAIL_DEFAULTS, detailSearchSchema, formatTaskSort, parseTaskSort } from './search-params.ts'

describe('task sort in the URL', () => {
  it.each([
    ['size.desc', { key: 'size', dir: 'desc' }],
    ['VM.ASC', { key: 'vm', dir: 'asc' }],
    ['result.desc', { key: 'result', dir: 'desc' }],
  ])('%s parses', (text, sort) => {
    expect(parseTaskSort(text)).toEqual(sort)
  })

  it.each(['', 'size', 'size.up', 'progress.asc', 'size.desc.x'])('%j is not a sort', (text) => {
    expect(parseTaskSort(text)).toBeNull()
  })

  it('round-trips and falls back to worst-first for a bad or missing value', () => {
    expect(formatTaskSort({ key: 'duration', dir: 'asc' })).toBe('duration.asc')
    expect(v.parse(detailSearchSchema, { sort: 'Size.Desc' })).toEqual({ sort: 'size.desc' })
    expect(v.parse(detailSearchSchema, { sort: 'nonsense' })).toEqual(DETAIL_DEFAULTS)
    expect(v.parse(detailSearchSchema, { sort: 42 })).toEqual(DETAIL_DEFAULTS)
    expect(v.parse(detailSearchSchema, {})).toEqual({ sort: 'result.desc' })
  })
})
