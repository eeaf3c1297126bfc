import { afterEach, describe, expect, it, vi } from 'vitest'
import { yieldToMain } from './yield-to-main.ts'

describe('yieldToMain', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.useRealTimers()
  })

  it('uses scheduler.yield where the browser has it', async () => {
    const yielded = vi.fn(() => Promise.resolve())
    vi.stubGlobal('scheduler', { yield: yielded })
    await yieldToMain()
    expect(yielded).toHaveBeenCalledTimes(1)
  })

  it('resumes in a later task elsewhere, after the tasks already queued', async () => {
    vi.stubGlobal('scheduler', { postTask: () => undefined })
    const order: string[] = []
    setTimeout(() => order.push('queued task'), 0)
    const resumed = yieldToMain().then(() => order.push('resumed'))
    await Promise.resolve()
    expect(order).toEqual([])
    await resumed
    expect(order).toEqual(['queued task', 'resumed'])
  })
})
