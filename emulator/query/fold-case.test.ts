import { describe, expect, it } from 'vitest'
import { compareIgnoreCase, equalsIgnoreCase, equalsIgnoreCaseTo, foldCase } from './fold-case.ts'

const sign = (n: number) => Math.sign(n)

describe('ordinal comparison ignoring case', () => {
  it.each([
    ['abc', 'ABC', 0],
    ['abc', 'ABD', -1],
    ['B', 'a', 1],
    ['a', 'B', -1],
    // Upper-case folding as in .NET OrdinalIgnoreCase: `_` (0x5F) sorts after letters (A = 0x41).
    ['_', 'a', 1],
    ['Job', 'job 1', -1],
    ['', '', 0],
    ['', 'a', -1],
    ['école', 'ÉCOLE', 0],
    ['straße', 'STRASSE', 1],
    ['urn:veeam:Job:ABC', 'urn:veeam:job:abc', 0],
  ])('%j vs %j → %i', (a, b, expected) => {
    expect(sign(compareIgnoreCase(a, b))).toBe(expected)
    expect(sign(compareIgnoreCase(b, a))).toBe(0 - expected)
    expect(equalsIgnoreCase(a, b)).toBe(expected === 0)
    expect(equalsIgnoreCaseTo(b)(a)).toBe(expected === 0)
    const folded = [foldCase(a), foldCase(b)]
    expect(sign(folded[0] === folded[1] ? 0 : String(folded[0]) < String(folded[1]) ? -1 : 1)).toBe(expected)
  })

  it('folds unit by unit, keeping the length', () => {
    expect(foldCase('straße')).toBe('STRAßE')
    expect(foldCase('Replication Job 1')).toBe('REPLICATION JOB 1')
  })
})
