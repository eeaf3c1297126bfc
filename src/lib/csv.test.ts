import { describe, expect, test } from 'vitest'
import { toCsv } from './csv.ts'

describe('toCsv', () => {
  test('plain fields, CRLF after every row', () => {
    expect(
      toCsv([
        ['a', 'b'],
        [1, true],
        [null, ''],
      ]),
    ).toBe('a,b\r\n1,true\r\n,\r\n')
  })

  test.each([
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
    [' padded ', '" padded "'],
    ['Résumé — ü', 'Résumé — ü'],
  ])('%j → %j', (cell, text) => {
    expect(toCsv([[cell]])).toBe(`${text}\r\n`)
  })

  test.each([
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1', "'+1"],
    ['-cmd', "'-cmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
  ])('text that a spreadsheet would run (%j) is defused', (cell, text) => {
    expect(toCsv([[cell]])).toBe(`${text}\r\n`)
  })

  test('numbers are numbers, even negative ones', () => {
    expect(toCsv([[-5, 0.5]])).toBe('-5,0.5\r\n')
  })
})
