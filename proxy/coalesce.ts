// Many wall screens poll the same queries: one upstream request serves them all (single-flight while in
// flight, then a short cache), so EM sees one request per distinct query per refresh interval. With `staleMs`,
// an answer past its interval is still served at once (stale-while-revalidate) while one load refreshes it, so
// no caller waits on a slow upstream once an answer exists.

/** A value and how it was had; `ageMs` is how long ago it was loaded (0 for a load that just finished). */
export type Coalesced<T> = { value: T; source: 'miss' | 'joined' | 'hit' | 'stale'; ageMs: number }

export type Coalescer<T> = {
  /**
   * The value for `key`: a cached one younger than `maxAgeMs`; else (with `staleMs`) a cached one younger than
   * `maxAgeMs + staleMs`, served as `stale` while one background load refreshes it (at most one started per
   * `maxAgeMs`); else the load already in flight, else a new `load()`. A result is cached only when
   * `cacheable(value)`; a rejection is shared with the waiters of that load and never cached.
   */
  get(key: string, maxAgeMs: number, load: () => Promise<T>): Promise<Coalesced<T>>
  /** Number of cached entries (bounded by maxEntries). */
  size(): number
  /** Bytes of the cached values, by `sizeOf` (bounded by maxBytes). */
  bytes(): number
}

type Entry<T> = { value: T; at: number; size: number; refreshedAt: number }

/** A coalescer bounded to `maxEntries` cached values and `maxBytes` of them (least recently stored dropped first), each kept at most `maxAgeMs`. */
export function createCoalescer<T>(options: {
  maxEntries: number
  maxBytes: number
  sizeOf: (value: T) => number
  /** No entry is fresh for longer than this, whatever a caller asks. */
  maxAgeMs: number
  /** How long past its interval an answer may still be served while it is refreshed (default 0: never). */
  staleMs?: number
  cacheable: (value: T) => boolean
  /** Hears a background refresh fail, rejected or with a value not to keep (the stale answer is served on). */
  onRefreshError?: (key: string, failure: { error: unknown } | { value: T }) => void
  now?: () => number
}): Coalescer<T> {
  const now = options.now ?? Date.now
  const staleMs = options.staleMs ?? 0
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
      if (at - entry.at >= options.maxAgeMs + staleMs) drop(key)
    }
    // Map iteration is insertion order: the first keys are the oldest stored.
    for (const key of cache.keys()) {
      if (cache.size <= options.maxEntries && bytes <= options.maxBytes) break
      drop(key)
    }
  }

  /** Runs `load` as the one load in flight for `key`, and keeps its value when it may be cached. */
  async function start(key: string, load: () => Promise<T>): Promise<T> {
    const started = load()
    inFlight.set(key, started)
    try {
      const value = await started
      const size = options.sizeOf(value)
      // One value larger than the whole budget would empty the cache and still not fit: it is served, not kept.
      if (options.cacheable(value) && size <= options.maxBytes) {
        const at = now()
        drop(key)
        cache.set(key, { value, at, size, refreshedAt: at })
        bytes += size
        prune(at)
      }
      return value
    } finally {
      inFlight.delete(key)
    }
  }

  return {
    async get(key, maxAgeMs, load) {
      const cached = cache.get(key)
      const fresh = Math.min(maxAgeMs, options.maxAgeMs)
      const age = cached === undefined ? 0 : now() - cached.at
      if (cached !== undefined && age < fresh) return { value: cached.value, source: 'hit', ageMs: age }
      if (cached !== undefined && age < fresh + staleMs) {
        // One refresh per interval however many callers see the stale answer, even when refreshes keep failing.
        if (!inFlight.has(key) && now() - cached.refreshedAt >= fresh) {
          cached.refreshedAt = now()
          start(key, load).then(
            (value) => {
              if (!options.cacheable(value)) options.onRefreshError?.(key, { value })
            },
            (error: unknown) => options.onRefreshError?.(key, { error }),
          )
        }
        return { value: cached.value, source: 'stale', ageMs: age }
      }
      const running = inFlight.get(key)
      if (running !== undefined) return { value: await running, source: 'joined', ageMs: 0 }
      return { value: await start(key, load), source: 'miss', ageMs: 0 }
    },
    size: () => cache.size,
    bytes: () => bytes,
  }
}
