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
  /** Bytes of the cached values, by `sizeOf` (bounded by maxBytes). */
  bytes(): number
}

type Entry<T> = { value: T; at: number; size: number }

/** A coalescer bounded to `maxEntries` cached values and `maxBytes` of them (least recently stored dropped first), each kept at most `maxAgeMs`. */
export function createCoalescer<T>(options: {
  maxEntries: number
  maxBytes: number
  sizeOf: (value: T) => number
  /** No entry outlives this, whatever a caller asks. */
  maxAgeMs: number
  cacheable: (value: T) => boolean
  now?: () => number
}): Coalescer<T> {
  const now = options.now ?? Date.now
  const cache = new Map<string, Entry<T>>()
  const inFlight = new Map<string, Promise<T>>()
  let bytes = 0

  function drop(key: string): void {
    const entry = cache.get(key)
    if (entry === undefined) return
    bytes -= entry.size
    cache.delete(key)
  }

  function prune(at: number): void {
    for (const [key, entry] of cache) {
      if (at - entry.at >= options.maxAgeMs) drop(key)
    }
    // Map iteration is insertion order: the first keys are the oldest stored.
    for (const key of cache.keys()) {
      if (cache.size <= options.maxEntries && bytes <= options.maxBytes) break
      drop(key)
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
        const size = options.sizeOf(value)
        // One value larger than the whole budget would empty the cache and still not fit: it is served, not kept.
        if (options.cacheable(value) && size <= options.maxBytes) {
          const at = now()
          drop(key)
          cache.set(key, { value, at, size })
          bytes += size
          prune(at)
        }
        return { value, source: 'miss' }
      } finally {
        inFlight.delete(key)
      }
    },
    size: () => cache.size,
    bytes: () => bytes,
  }
}
