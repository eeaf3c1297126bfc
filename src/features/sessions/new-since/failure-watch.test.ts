import { describe, expect, it } from 'vitest'
import { newlyFailed } from './failure-watch.ts'

const s = (uid: string) => ({ uid })

describe('newlyFailed', () => {
  it('the first answer is what had already failed: nothing to announce', () => {
    const first = newlyFailed(null, [s('a'), s('b')])
    expect(first.fresh).toEqual([])
    expect([...first.known]).toEqual(['a', 'b'])
  })

  it('a later answer announces each unknown session once', () => {
    const first = newlyFailed(null, [s('a'), s('b')])
    const second = newlyFailed(first.known, [s('c'), s('a'), s('b')])
    expect(second.fresh).toEqual([s('c')])
    const third = newlyFailed(second.known, [s('d'), s('c'), s('a')])
    expect(third.fresh).toEqual([s('d')])
    expect(newlyFailed(third.known, [s('d'), s('c')]).fresh).toEqual([])
  })

  it('an empty first answer still counts as the first one', () => {
    const first = newlyFailed(null, [])
    expect(newlyFailed(first.known, [s('a')]).fresh).toEqual([s('a')])
  })
})
