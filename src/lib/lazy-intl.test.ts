import { describe, expect, it, vi } from 'vitest'
import { lazyDateFormat } from './lazy-intl.ts'

describe('lazyDateFormat', () => {
  it('makes no formatter until one is asked for, then one only', () => {
    const make = vi.fn((options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-GB', options))
    const clock = lazyDateFormat(
      { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' },
      make,
    )
    expect(make).not.toHaveBeenCalled()
    const first = clock()
    expect(first.format(Date.UTC(2026, 11, 5, 14, 5))).toBe('14:05')
    expect(clock()).toBe(first)
    expect(make).toHaveBeenCalledTimes(1)
  })

  it('uses the browser locale by default', () => {
    const made = lazyDateFormat({ year: 'numeric' })()
    expect(made.resolvedOptions().locale).toBe(new Intl.DateTimeFormat().resolvedOptions().locale)
  })
})
