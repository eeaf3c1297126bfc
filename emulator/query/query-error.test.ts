import { describe, expect, it } from 'vitest'
import { filterSyntaxError, QueryError } from './query-error.ts'

describe('filterSyntaxError', () => {
  it.each([
    ['State==Working;;Result==Failed', 14, `near ';;Result'`],
    ['a==1', 4, 'near end of filter'],
    ['==Failed;x==1', 0, `near '==Failed;x'`],
    ['Name==abcdefghijklmnopqrstuvwxyz', 6, `near 'abcdefghijklmnopqrst'`],
    ['(a==1   ', 5, 'near end of filter'],
  ])('shows %j at %i %s', (filter, position, near) => {
    const error = filterSyntaxError(filter, position, 'expected a comparison')
    expect(error).toBeInstanceOf(QueryError)
    expect(error.position).toBe(position)
    expect(error.message).toBe(`Filter syntax error at position ${position} ${near}: expected a comparison`)
  })
})
