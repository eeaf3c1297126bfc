import { describe, expect, test } from 'vitest'
import { v } from './valibot.ts'

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
