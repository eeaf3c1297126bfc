import { describe, expect, test } from 'vitest'
import { formatSort, parseSort, sortOf } from './sort-param.ts'

describe('sort key', () => {
  test('parseSort and formatSort', () => {
    expect(parseSort('CreationTime.desc')).toEqual({ field: 'CreationTime', dir: 'desc' })
    expect(parseSort('backupservername.Asc')).toEqual({ field: 'BackupServerName', dir: 'asc' })
    expect(parseSort('Progress.asc')).toBeNull()
    expect(parseSort('Name')).toBeNull()
    expect(formatSort({ field: 'EndTime', dir: 'asc' })).toBe('EndTime.asc')
  })

  test('sortOf falls back to newest first', () => {
    expect(sortOf('Name.asc')).toEqual({ field: 'Name', dir: 'asc' })
    expect(sortOf('nonsense')).toEqual({ field: 'CreationTime', dir: 'desc' })
  })
})
