// Many wall screens poll the same queries: one upstream request serves them all (single-flight while in
// flight, then a short cache), so EM sees one request per distinct query per refresh interval.

export type Coalesced<T> = { value: T; source: 'miss' | 'joined' | 'hit' }

export type Coalescer<T> = {
  /**
   * The value for `key`: a cached one younger than `maxAgeMs`, else the load already in flight, else a new
   * `load()`. A result is cached only when `cacheable(value)`; a rejection is shared with the waiters of
   * that load and never cached.
   */
  get(key: string, maxAgeMs: number, load: () => Promise<T>): Promise<Coalesced<T>>
  /** Number of cached entries (bounded by maxEntries). */
  size(): number
}

type Entry<T> = { value: T; at: number }

/** A coalescer bounded to `maxEntries` cached values (least recently stored dropped first) kept at most `maxAgeMs`. */
export function createCoalescer<T>(options: {
  maxEntries: number
  /** No entry outlives this, whatever a caller asks. */
  maxAgeMs: number
  cacheable: (value: T) => boolean
  now?: () => number
}): Coalescer<T> {
  const now = options.now ?? Date.now
  const cache = new Map<string, Entry<T>>()
  const inFlight = new Map<string, Promise<T>>()

  function prune(at: number): void {
    for (const [key, entry] of cache) {
      if (at - entry.at >= options.maxAgeMs) cache.delete(key)
    }
    // Map iteration is insertion order: the first keys are the oldest stored.
    for (const key of cache.keys()) {
      if (cache.size <= options.maxEntries) break
      cache.delete(key)
    }
  }

  return {
    async get(key, maxAgeMs, load) {
      const cached = cache.get(key)
      if (cached !== undefined && now() - cached.at < Math.min(maxAgeMs, options.maxAgeMs)) {
        return { value: cached.value, source: 'hit' }
      }
      const running = inFlight.get(key)
      if (running !== undefined) return { value: await running, source: 'joined' }

      const started = load()
      inFlight.set(key, started)
      try {
        const value = await started
        if (options.cacheable(value)) {
          const at = now()
          cache.delete(key)
          cache.set(key, { value, at })
          prune(at)
        }
        return { value, source: 'miss' }
      } finally {
        inFlight.delete(key)
      }
    },
    size: () => cache.size,
  }
}
