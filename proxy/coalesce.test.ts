import { describe, expect, it } from 'vitest'
import { createCoalescer } from './coalesce.ts'

type Answer = { status: number; body: string }

function setup(maxEntries = 10, maxBytes = 1_000_000, staleMs = 0) {
  let clock = 1_000_000
  let loads = 0
  const pending: Array<(answer: Answer) => void> = []
  const failures: Array<(error: Error) => void> = []
  const coalescer = createCoalescer<Answer>({
    maxEntries,
    maxBytes,
    sizeOf: (answer) => answer.body.length,
    maxAgeMs: 300_000,
    staleMs,
    cacheable: (answer) => answer.status < 300,
    now: () => clock,
  })
  const load = () => {
    loads += 1
    return new Promise<Answer>((resolve, reject) => {
      pending.push(resolve)
      failures.push(reject)
    })
  }
  const instant = (answer: Answer) => () => {
    loads += 1
    return Promise.resolve(answer)
  }
  return {
    coalescer,
    load,
    instant,
    loads: () => loads,
    advance: (ms: number) => {
      clock += ms
    },
    resolveAll: (answer: Answer) => {
      for (const resolve of pending.splice(0)) resolve(answer)
    },
    rejectAll: (error: Error) => {
      for (const reject of failures.splice(0)) reject(error)
    },
  }
}

const ok: Answer = { status: 200, body: 'page' }

describe('createCoalescer', () => {
  it('serves 20 concurrent identical requests from one load', async () => {
    const t = setup()
    const all = Promise.all(Array.from({ length: 20 }, () => t.coalescer.get('q', 15_000, t.load)))
    t.resolveAll(ok)
    const results = await all
    expect(t.loads()).toBe(1)
    expect(results.map((r) => r.value)).toEqual(Array.from({ length: 20 }, () => ok))
    expect(results.filter((r) => r.source === 'miss')).toHaveLength(1)
    expect(results.filter((r) => r.source === 'joined')).toHaveLength(19)
  })

  it('answers from the cache until the caller’s interval has passed, then loads again', async () => {
    const t = setup()
    await t.coalescer.get('q', 15_000, t.instant(ok))
    t.advance(14_999)
    expect((await t.coalescer.get('q', 15_000, t.instant(ok))).source).toBe('hit')
    t.advance(1)
    expect((await t.coalescer.get('q', 15_000, t.instant(ok))).source).toBe('miss')
    expect(t.loads()).toBe(2)
  })

  it('lets a caller with a shorter interval see fresher data than one with a longer interval', async () => {
    const t = setup()
    await t.coalescer.get('q', 60_000, t.instant(ok))
    t.advance(10_000)
    expect((await t.coalescer.get('q', 60_000, t.instant(ok))).source).toBe('hit')
    expect((await t.coalescer.get('q', 5_000, t.instant(ok))).source).toBe('miss')
  })

  it('never merges different keys', async () => {
    const t = setup()
    await t.coalescer.get('a', 15_000, t.instant(ok))
    await t.coalescer.get('b', 15_000, t.instant(ok))
    expect(t.loads()).toBe(2)
  })

  it('shares an error with the requests waiting for it but does not cache it', async () => {
    const t = setup()
    const waiting = Promise.allSettled([
      t.coalescer.get('q', 15_000, t.load),
      t.coalescer.get('q', 15_000, t.load),
    ])
    t.rejectAll(new Error('EM down'))
    expect((await waiting).map((r) => r.status)).toEqual(['rejected', 'rejected'])
    expect(t.loads()).toBe(1)
    await t.coalescer.get('q', 15_000, t.instant(ok))
    expect(t.loads()).toBe(2)
  })

  it('shares a non-2xx answer in flight but loads again for the next request', async () => {
    const t = setup()
    const unavailable = { status: 503, body: 'busy' }
    const both = Promise.all([t.coalescer.get('q', 15_000, t.load), t.coalescer.get('q', 15_000, t.load)])
    t.resolveAll(unavailable)
    expect((await both).map((r) => r.value)).toEqual([unavailable, unavailable])
    await t.coalescer.get('q', 15_000, t.instant(ok))
    expect(t.loads()).toBe(2)
  })

  it('keeps at most maxEntries answers, dropping the oldest stored', async () => {
    const t = setup(3)
    for (const key of ['a', 'b', 'c', 'd']) await t.coalescer.get(key, 15_000, t.instant(ok))
    expect(t.coalescer.size()).toBe(3)
    expect((await t.coalescer.get('a', 15_000, t.instant(ok))).source).toBe('miss')
    expect((await t.coalescer.get('d', 15_000, t.instant(ok))).source).toBe('hit')
  })

  it('drops expired answers when storing new ones', async () => {
    const t = setup()
    await t.coalescer.get('a', 15_000, t.instant(ok))
    t.advance(300_000)
    await t.coalescer.get('b', 15_000, t.instant(ok))
    expect(t.coalescer.size()).toBe(1)
  })

  it('keeps at most maxBytes of answers, dropping the oldest stored, and never stores one larger than that', async () => {
    const t = setup(100, 1000)
    const big = (key: string): Answer => ({ status: 200, body: key.repeat(400) })
    for (const key of ['a', 'b', 'c']) await t.coalescer.get(key, 15_000, t.instant(big(key)))
    expect(t.coalescer.size()).toBe(2)
    expect(t.coalescer.bytes()).toBe(800)
    expect((await t.coalescer.get('c', 15_000, t.instant(big('c')))).source).toBe('hit')
    expect((await t.coalescer.get('a', 15_000, t.instant(big('a')))).source).toBe('miss')

    const huge: Answer = { status: 200, body: 'x'.repeat(1001) }
    expect((await t.coalescer.get('h', 15_000, t.instant(huge))).value).toEqual(huge)
    expect((await t.coalescer.get('h', 15_000, t.instant(huge))).source).toBe('miss')
    expect(t.coalescer.bytes()).toBeLessThanOrEqual(1000)
  })

  describe('with stale-while-revalidate', () => {
    it('serves an answer past its interval at once, with its age, while exactly one load refreshes it', async () => {
      const t = setup(10, 1_000_000, 60_000)
      await t.coalescer.get('q', 15_000, t.instant(ok))
      t.advance(20_000)
      const stale = await Promise.all(Array.from({ length: 5 }, () => t.coalescer.get('q', 15_000, t.load)))
      expect(stale.map((r) => [r.source, r.ageMs])).toEqual(stale.map(() => ['stale', 20_000]))
      expect(t.loads()).toBe(2)
      const fresher: Answer = { status: 200, body: 'newer' }
      t.resolveAll(fresher)
      await Promise.resolve()
      const after = await t.coalescer.get('q', 15_000, t.load)
      expect([after.source, after.value, after.ageMs]).toEqual(['hit', fresher, 0])
    })

    it('tries a failing refresh again only after another interval, and reports each failure', async () => {
      const failures: unknown[] = []
      let clock = 0
      const coalescer = createCoalescer<Answer>({
        maxEntries: 10,
        maxBytes: 1000,
        sizeOf: (a) => a.body.length,
        maxAgeMs: 300_000,
        staleMs: 60_000,
        cacheable: () => true,
        onRefreshError: (_key, error) => failures.push(error),
        now: () => clock,
      })
      let loads = 0
      const failing = () => {
        loads += 1
        return Promise.reject(new Error('EM down'))
      }
      await coalescer.get('q', 15_000, () => Promise.resolve(ok))
      clock = 16_000
      expect((await coalescer.get('q', 15_000, failing)).source).toBe('stale')
      clock = 30_000
      expect((await coalescer.get('q', 15_000, failing)).source).toBe('stale')
      expect(loads).toBe(1)
      clock = 31_000
      await coalescer.get('q', 15_000, failing)
      expect(loads).toBe(2)
      await Promise.resolve()
      expect(failures).toEqual([{ error: new Error('EM down') }, { error: new Error('EM down') }])
    })

    it('stops serving an answer more than staleMs past its interval: the caller waits for a load', async () => {
      const t = setup(10, 1_000_000, 60_000)
      await t.coalescer.get('q', 15_000, t.instant(ok))
      t.advance(15_000 + 60_000)
      expect((await t.coalescer.get('q', 15_000, t.instant(ok))).source).toBe('miss')
    })
  })
})
