import { describe, expect, it } from 'vitest'
import { readBoolean, readDateTime, readInteger } from './filter-values.ts'

const micros = (iso: string) => Date.parse(iso) * 1000

describe('readDateTime', () => {
  it.each([
    ['2025-08-15T06:00:00Z', micros('2025-08-15T06:00:00Z'), false],
    ['2025-08-15t06:00:00z', micros('2025-08-15T06:00:00Z'), false],
    ['2025-08-15 06:00:00Z', micros('2025-08-15T06:00:00Z'), false],
    ['2024-05-01T10:00:00', micros('2024-05-01T10:00:00Z'), false],
    ['2024-05-01T10:00', micros('2024-05-01T10:00:00Z'), false],
    ['2019-06-30', micros('2019-06-30T00:00:00Z'), false],
    ['2025-11-03T21:00:26.19Z', micros('2025-11-03T21:00:26Z') + 190_000, false],
    ['2025-11-03T21:00:26.1Z', micros('2025-11-03T21:00:26Z') + 100_000, false],
    ['2025-11-03T05:17:38.221420Z', micros('2025-11-03T05:17:38Z') + 221_420, false],
    ['2025-11-03T05:17:38.2214200Z', micros('2025-11-03T05:17:38Z') + 221_420, false],
    // A 7th digit is a tenth of a microsecond: between two stored values.
    ['2025-11-03T05:17:38.2214205Z', micros('2025-11-03T05:17:38Z') + 221_420, true],
    ['1900-01-01T00:00:00Z', -2_208_988_800_000_000, false],
    ['2024-02-29', micros('2024-02-29T00:00:00Z'), false],
    ['2000-02-29', micros('2000-02-29T00:00:00Z'), false],
    // Years below 100 stay themselves (Date.UTC would read 50 as 1950).
    ['0050-03-01', micros('0050-03-01T00:00:00Z'), false],
  ])('reads %s', (text, expected, between) => {
    expect(readDateTime(text)).toEqual({ ok: true, value: { micros: expected, between } })
  })

  it.each([
    ['2024-05-01T10:00:00+02:00', 'UTC offsets are not accepted, write the time in UTC with Z'],
    ['2024-05-01T10:00:00-0500', 'UTC offsets are not accepted, write the time in UTC with Z'],
    ['2024-05-01T10:00+02', 'UTC offsets are not accepted, write the time in UTC with Z'],
    ['2024-05-01Z', 'expected a UTC date-time such as 2025-08-15T06:00:00Z or 2025-08-15'],
    ['2024-05-0110:00:00', 'expected a UTC date-time such as 2025-08-15T06:00:00Z or 2025-08-15'],
    ['2024-5-1', 'expected a UTC date-time such as 2025-08-15T06:00:00Z or 2025-08-15'],
    ['2024-05-01T10', 'expected a UTC date-time such as 2025-08-15T06:00:00Z or 2025-08-15'],
    ['2024-05-01T10:00:00.', 'expected a UTC date-time such as 2025-08-15T06:00:00Z or 2025-08-15'],
    ['2024-05-01T10:00:00.12345678Z', 'expected a UTC date-time such as 2025-08-15T06:00:00Z or 2025-08-15'],
    ['yesterday', 'expected a UTC date-time such as 2025-08-15T06:00:00Z or 2025-08-15'],
    ['', 'expected a UTC date-time such as 2025-08-15T06:00:00Z or 2025-08-15'],
    ['2023-02-29', 'no such date; expected a UTC date-time such as 2025-08-15T06:00:00Z or 2025-08-15'],
    ['1900-02-29', 'no such date; expected a UTC date-time such as 2025-08-15T06:00:00Z or 2025-08-15'],
    ['2024-13-01', 'no such date; expected a UTC date-time such as 2025-08-15T06:00:00Z or 2025-08-15'],
    ['2024-04-31', 'no such date; expected a UTC date-time such as 2025-08-15T06:00:00Z or 2025-08-15'],
    ['0000-01-01', 'no such date; expected a UTC date-time such as 2025-08-15T06:00:00Z or 2025-08-15'],
    [
      '2024-05-01T24:00:00Z',
      'no such time; expected a UTC date-time such as 2025-08-15T06:00:00Z or 2025-08-15',
    ],
    [
      '2024-05-01T10:60:00Z',
      'no such time; expected a UTC date-time such as 2025-08-15T06:00:00Z or 2025-08-15',
    ],
    [
      '2024-05-01T10:00:60Z',
      'no such time; expected a UTC date-time such as 2025-08-15T06:00:00Z or 2025-08-15',
    ],
  ])('rejects %j', (text, problem) => {
    expect(readDateTime(text)).toEqual({ ok: false, problem })
  })
})

describe('readBoolean', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['False', false],
  ])('reads %s', (text, value) => {
    expect(readBoolean(text)).toEqual({ ok: true, value })
  })

  it.each(['1', 'yes', '', 'truee'])('rejects %j', (text) => {
    expect(readBoolean(text)).toEqual({ ok: false, problem: 'expected true or false' })
  })
})

describe('readInteger', () => {
  it.each([
    ['0', 0],
    ['-42', -42],
    ['007', 7],
    ['17179869184', 17_179_869_184],
    ['9007199254740991', Number.MAX_SAFE_INTEGER],
    // Past 2^53 every stored (safe) integer is smaller, so +Infinity compares exactly.
    ['9007199254740993', Number.POSITIVE_INFINITY],
    ['9223372036854775807', Number.POSITIVE_INFINITY],
    ['-9223372036854775808', Number.NEGATIVE_INFINITY],
  ])('reads %s', (text, value) => {
    expect(readInteger(text)).toEqual({ ok: true, value })
  })

  it.each([
    ['1.5', 'expected a decimal integer'],
    ['+1', 'expected a decimal integer'],
    ['1e3', 'expected a decimal integer'],
    ['0x10', 'expected a decimal integer'],
    ['', 'expected a decimal integer'],
    ['9223372036854775808', 'out of the Int64 range'],
    ['-9223372036854775809', 'out of the Int64 range'],
  ])('rejects %j', (text, problem) => {
    expect(readInteger(text)).toEqual({ ok: false, problem })
  })
})
