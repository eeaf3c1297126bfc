import { describe, expect, it } from 'vitest'
import { safeRedirect } from './safe-redirect.ts'

describe('safeRedirect', () => {
  it.each([
    [undefined, '/sessions'],
    ['/sessions?result=Failed', '/sessions?result=Failed'],
    ['/wall?refresh=30', '/wall?refresh=30'],
    ['https://evil.example/', '/sessions'],
    ['//evil.example/x', '/sessions'],
    ['/\\evil.example', '/sessions'],
    ['javascript:alert(1)', '/sessions'],
    ['/sign-in?redirect=/x', '/sessions'],
  ])('%s → %s', (input, expected) => {
    expect(safeRedirect(input)).toBe(expected)
  })
})
