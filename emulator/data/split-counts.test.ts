import { describe, expect, it } from 'vitest'
import { splitCounts } from './split-counts.ts'

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0)

describe('splitCounts', () => {
  it('hits the total exactly, in proportion to the weights', () => {
    const counts = splitCounts(100, [1000, 1000, 1000], [1, 1, 2])
    expect(sum(counts)).toBe(100)
    expect(counts).toEqual([25, 25, 50])
  })

  it('gives what a full job cannot take to the others', () => {
    const counts = splitCounts(100, [10, 1000, 1000], [1, 1, 1])
    expect(counts).toEqual([10, 45, 45])
  })

  it('stops at the capacities and rounds without losing a run', () => {
    expect(splitCounts(500, [10, 20], [1, 1])).toEqual([10, 20])
    const counts = splitCounts(10, [100, 100, 100], [1, 1, 1])
    expect(sum(counts)).toBe(10)
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1)
  })
})
