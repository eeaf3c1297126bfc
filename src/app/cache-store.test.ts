import { describe, expect, it } from 'vitest'
import { idbCacheStore } from './cache-store.ts'

// Node has no IndexedDB: the same as a browser that refuses it (some private modes, old embedded browsers).
describe('the browser cache store without IndexedDB', () => {
  it('opens without throwing, and every operation rejects (the restore then just starts without data)', async () => {
    expect(globalThis.indexedDB).toBeUndefined()
    const store = idbCacheStore()
    await expect(store.get('k')).rejects.toThrow()
    await expect(store.set('k', 1)).rejects.toThrow()
    await expect(store.del('k')).rejects.toThrow()
    await expect(store.keys()).rejects.toThrow()
  })
})
