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

/**
 * The browser's store. The database opens at once: the page creates the store as it starts, so the open runs while
 * the proxy is asked for the EM host, not after. Every operation rejects when IndexedDB is unavailable.
 */
export function idbCacheStore(): CacheStore {
  const db = openStore()
  return {
    get: (key) => get(key, db),
    set: (key, value) => set(key, value, db),
    del: (key) => del(key, db),
    keys: async () => (await keys(db)).filter((key): key is string => typeof key === 'string'),
  }
}

function openStore(): UseStore {
  const store = createStore('em-dashboard', 'query-cache')
  // idb-keyval throws, rather than rejects, where there is no IndexedDB at all (some private modes, old embedded
  // browsers): turned into a rejection, the page just starts without the last data.
  const safe: UseStore = (mode, callback) => {
    try {
      return store(mode, callback)
    } catch (error) {
      return Promise.reject(error)
    }
  }
  // idb-keyval opens the database on first use: use it now, so the open is done when the first read comes.
  safe('readonly', () => undefined).catch(() => undefined)
  return safe
}
