// An in-memory CacheStore for tests: values go in and come out as structured clones, as IndexedDB keeps them.
import type { CacheStore } from '@/app/cache-store.ts'

export function memoryCacheStore(
  entries: Iterable<readonly [string, unknown]> = [],
): CacheStore & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>(entries)
  return {
    map,
    get: async (key) => structuredClone(map.get(key)),
    set: async (key, value) => void map.set(key, structuredClone(value)),
    del: async (key) => void map.delete(key),
    keys: async () => [...map.keys()],
  }
}
