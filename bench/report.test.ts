import { describe, expect, it } from 'vitest'
import { exitCodeOf, type Figure, judge, renderTable, summaryOf } from './report.ts'

const figure = (value: number, budget?: number): Figure => ({
  section: 's',
  name: 'n',
  value,
  unit: 'ms',
  ...(budget === undefined ? {} : { budget }),
})

describe('bench verdicts and exit code', () => {
  it('a full run fails on a missed budget and passes when every budget is met', () => {
    const met = judge([figure(90, 100), figure(100, 100), figure(7)], false)
    expect(met.map((v) => v.status)).toEqual(['pass', 'pass', 'info'])
    expect(exitCodeOf(met)).toBe(0)
    expect(summaryOf(met)).toBe('All budgets met.')

    const missed = judge([figure(90, 100), figure(101, 100)], false)
    expect(missed.map((v) => v.status)).toEqual(['pass', 'miss'])
    expect(exitCodeOf(missed)).toBe(1)
    expect(summaryOf(missed)).toBe('1 budget(s) missed.')
  })

  it('a smoke run ignores budgets but fails when a figure could not be measured', () => {
    const smoke = judge([figure(500, 100), figure(3)], true)
    expect(exitCodeOf(smoke)).toBe(0)
    expect(summaryOf(smoke, true)).toBe('Every figure measured (smoke run: budgets not judged).')
    for (const broken of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const verdicts = judge([figure(3), figure(broken, 100)], true)
      expect(verdicts.map((v) => v.status)).toEqual(['info', 'unmeasured'])
      expect(exitCodeOf(verdicts)).toBe(1)
      expect(summaryOf(verdicts)).toBe('1 figure(s) not measured.')
      expect(renderTable(verdicts)).toContain('NOT MEASURED')
    }
  })

  it('a full run fails on an unmeasured figure even without a budget', () => {
    expect(exitCodeOf(judge([figure(Number.NaN)], false))).toBe(1)
  })
})
