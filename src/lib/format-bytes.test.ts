import { describe, expect, it } from 'vitest'
import { formatBytes, formatExactBytes } from './format-bytes.ts'

describe('formatBytes', () => {
  it.each([
    [null, '—'],
    [-1, '—'],
    [Number.NaN, '—'],
    [0, '0 bytes'],
    [1, '1 byte'],
    [512, '512 bytes'],
    [1023, '1023 bytes'],
    [1024, '1 KiB'],
    [1536, '1.5 KiB'],
    [1024 * 1023.9, '1 MiB'],
    [8 * 1024 ** 3, '8 GiB'],
    [16 * 1024 ** 3, '16 GiB'],
    [60 * 1024 ** 3, '60 GiB'],
    [123.456 * 1024 ** 3, '123 GiB'],
    [2.3125 * 1024 ** 4, '2.31 TiB'],
    [5 * 1024 ** 6, '5 EiB'],
    [4096 * 1024 ** 6, '4096 EiB'],
  ])('%s → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text)
  })
})

describe('formatExactBytes', () => {
  it('groups digits and names the unit', () => {
    expect(formatExactBytes(17_179_869_184)).toBe('17,179,869,184 bytes')
    expect(formatExactBytes(1)).toBe('1 byte')
  })
})
