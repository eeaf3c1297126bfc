import { describe, expect, test } from 'vitest'
import { addIssue, preprocess, z } from './zod.ts'

describe('lib/zod', () => {
  test('zod/mini speaks English here, as classic zod did (parse errors and the ignored-keys notice show it)', () => {
    const result = z.object({ Name: z.string() }).safeParse({})
    expect(result.success ? '' : result.error.issues[0]?.message).toBe(
      'Invalid input: expected string, received undefined',
    )
  })

  test('preprocess runs its function first; addIssue fails the parse with the message at the path', () => {
    const schema = preprocess((value, ctx) => {
      if (value === 'bad') addIssue(ctx, 'not this one', ['Field'])
      return typeof value === 'string' ? value.length : value
    }, z.number())
    expect(schema.parse('abc')).toBe(3)
    const bad = schema.safeParse('bad')
    expect(bad.success ? null : bad.error.issues.map((i) => [i.path, i.message])).toEqual([
      [['Field'], 'not this one'],
    ])
  })
})
