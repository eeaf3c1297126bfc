import { describe, expect, it } from 'vitest'
import { runningSession, session } from '@/test/domain-fixtures.ts'
import { pageAt, rowsPerPage, wallOrder } from './list-pages.ts'

const NOW = Date.parse('2025-10-20T12:00:00Z')

describe('wallOrder', () => {
  it('puts failures first, then running, then warnings, then the rest, newest first in each', () => {
    const ok = session('ok', NOW - 1000)
    const oldFail = session('f1', NOW - 9000, { result: 'Failed' })
    const newFail = session('f2', NOW - 5000, { result: 'Failed' })
    const run = runningSession('r', NOW - 8000)
    const warn = session('w', NOW - 2000, { result: 'Warning' })
    const oldOk = session('ok2', NOW - 7000)
    expect(wallOrder([ok, oldFail, run, warn, newFail, oldOk]).map((s) => s.jobName)).toEqual([
      'f2',
      'f1',
      'r',
      'w',
      'ok',
      'ok2',
    ])
  })
})

describe('pageAt', () => {
  const items = Array.from({ length: 25 }, (_, i) => i)

  it('turns pages with the clock and starts over after the last', () => {
    const at = (seconds: number) => pageAt(items, { now: seconds * 1000, rotateMs: 15_000, perPage: 10 })
    expect(at(0)).toEqual({ index: 0, count: 3, items: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] })
    expect(at(14).index).toBe(0)
    expect(at(15).index).toBe(1)
    expect(at(30)).toEqual({ index: 2, count: 3, items: [20, 21, 22, 23, 24] })
    expect(at(45).index).toBe(0)
  })

  it('has one page when everything fits, and for no items', () => {
    expect(pageAt(items.slice(0, 5), { now: 99_000, rotateMs: 15_000, perPage: 10 })).toMatchObject({
      index: 0,
      count: 1,
    })
    expect(pageAt([], { now: 99_000, rotateMs: 15_000, perPage: 10 })).toEqual({
      index: 0,
      count: 1,
      items: [],
    })
  })
})

describe('rowsPerPage', () => {
  it('shows fewer, bigger rows at a bigger scale, never fewer than three', () => {
    expect(rowsPerPage(1)).toBe(10)
    expect(rowsPerPage(2)).toBe(5)
    expect(rowsPerPage(0.5)).toBe(20)
    expect(rowsPerPage(3)).toBe(3)
  })
})
