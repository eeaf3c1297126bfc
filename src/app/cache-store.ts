// Where the persisted query cache lives: one IndexedDB object store, reached through idb-keyval. IndexedDB, not
// localStorage: a wall's lists run to megabytes, and a structured clone keeps them without a JSON round trip.
import { createStore, del, get, keys, set, type UseStore } from 'idb-keyval'

/** The four operations the persistence needs; tests pass an in-memory one. */
export interface CacheStore {
  get(key: string): Promise<unknown>
  set(key: string, value: unknown): Promise<void>
  del(key: string): Promise<void>
  keys(): Promise<string[]>
}

/** The browser's store, opened on first use; every operation rejects when IndexedDB is unavailable. */
export function idbCacheStore(): CacheStore {
  let store: UseStore | undefined
  const db = () => {
    store ??= createStore('em-dashboard', 'query-cache')
    return store
  }
  return {
    get: (key) => get(key, db()),
    set: (key, value) => set(key, value, db()),
    del: (key) => del(key, db()),
    keys: async () => (await keys(db())).filter((key): key is string => typeof key === 'string'),
  }
}
