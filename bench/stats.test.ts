import { describe, expect, it } from 'vitest'
import { judge, renderTable } from './report.ts'
import { median, quantile } from './stats.ts'

describe('quantile', () => {
  it('takes nearest ranks', () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6]
    expect(median(samples)).toBe(5)
    expect(quantile(samples, 0.95)).toBe(10)
    expect(quantile(samples, 0.1)).toBe(1)
    expect(median([])).toBeNaN()
  })
})

describe('judge', () => {
  it('passes, misses, or only reports', () => {
    const figures = [
      { section: 'a', name: 'under', value: 10, unit: 'ms', budget: 50 },
      { section: 'a', name: 'over', value: 60, unit: 'ms', budget: 50 },
      { section: 'a', name: 'free', value: 3, unit: 'MB' },
    ]
    expect(judge(figures, false).map((v) => v.status)).toEqual(['pass', 'miss', 'info'])
    expect(judge(figures, true).map((v) => v.status)).toEqual(['info', 'info', 'info'])
    expect(renderTable(judge(figures, false))).toContain('MISS')
  })
})
