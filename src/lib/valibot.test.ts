import { describe, expect, test } from 'vitest'
import { lenient, v } from './valibot.ts'

describe('lib/valibot', () => {
  test('a wrong type reads as zod put it (the ignored-keys notice shows it)', () => {
    const messages = [5, ['a'], null, undefined].map(
      (value) => v.safeParse(v.string(), value).issues?.[0]?.message,
    )
    expect(messages).toEqual([
      'Invalid input: expected string, received number',
      'Invalid input: expected string, received array',
      'Invalid input: expected string, received null',
      'Invalid input: expected string, received undefined',
    ])
  })
})

describe('lenient', () => {
  const page = v.pipe(v.number(), v.integer(), v.minValue(1))
  const schema = v.object({ page: lenient(page, 1), name: lenient(v.string()) })

  test('reads a good value as its schema does', () => {
    expect(v.parse(schema, { page: 3, name: 'ERP' })).toEqual({ page: 3, name: 'ERP' })
  })

  test('reads a missing or undefined key as its default, or leaves it out', () => {
    expect(v.parse(schema, {})).toEqual({ page: 1, name: undefined })
    // The router hands over keys it was given as undefined, e.g. a link's search with a cleared value.
    expect(v.parse(schema, { page: undefined, name: undefined })).toEqual({ page: 1, name: undefined })
  })

  test('reads a bad value as its default, or leaves it out, instead of failing the whole URL', () => {
    expect(v.parse(schema, { page: 0, name: 7 })).toEqual({ page: 1, name: undefined })
    expect(v.parse(schema, { page: 'abc', name: null })).toEqual({ page: 1, name: undefined })
  })
})
