import { describe, expect, test } from 'vitest'
import { formatLocalSortable, fromLocalInputValue, toLocalInputValue } from './local-datetime.ts'

describe('datetime-local values', () => {
  test('read as local time: the same wall-clock reading, whatever the zone', () => {
    const ms = fromLocalInputValue('2025-10-19T08:46')
    expect(ms).not.toBeNull()
    const date = new Date(ms ?? 0)
    expect([date.getFullYear(), date.getMonth(), date.getDate(), date.getHours(), date.getMinutes()]).toEqual(
      [2025, 9, 19, 8, 46],
    )
  })

  test('round trip to the minute', () => {
    const ms = new Date(2025, 0, 2, 3, 4, 59, 999).getTime()
    expect(toLocalInputValue(ms)).toBe('2025-01-02T03:04')
    expect(fromLocalInputValue(toLocalInputValue(ms))).toBe(new Date(2025, 0, 2, 3, 4).getTime())
  })

  test('seconds are accepted', () => {
    expect(fromLocalInputValue('2025-10-19T08:46:31')).toBe(new Date(2025, 9, 19, 8, 46, 31).getTime())
  })

  test.each(['', '2025-10-19', '2025-10-19 08:46', '2025-02-30T10:00', '2025-13-01T10:00', 'soon'])(
    '%j is not a time',
    (text) => {
      expect(fromLocalInputValue(text)).toBeNull()
    },
  )
})

describe('formatLocalSortable', () => {
  test('local wall-clock time to the second, year first', () => {
    expect(formatLocalSortable(new Date(2025, 9, 19, 8, 46, 31, 500).getTime())).toBe('2025-10-19 08:46:31')
  })
})
