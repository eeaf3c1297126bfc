import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { shellQuote } from './shell-quote.ts'

const values = [
  "it's",
  "''",
  "'\\''",
  '$(id)',
  '`id`',
  '"$HOME"',
  'a\nb',
  '\\',
  '!!',
  '',
  ' lead and trail ',
  '*',
]

describe('shellQuote', () => {
  it('turns any text into exactly one word for sh', () => {
    const script = `printf '%s\\0' ${values.map(shellQuote).join(' ')}`
    expect(() => execFileSync('sh', ['-n', '-c', script])).not.toThrow()
    expect(execFileSync('sh', ['-c', script], { encoding: 'utf8' }).split('\0').slice(0, -1)).toEqual(values)
  })
})
