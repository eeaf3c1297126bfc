import { afterEach, describe, expect, it, vi } from 'vitest'
import { densityPreference, lastSeenPreference, tableLayoutPreference } from './preferences.ts'

function fakeStorage(): Storage {
  const items = new Map<string, string>()
  return {
    get length() {
      return items.size
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => {
      items.delete(key)
    },
    setItem: (key, value) => {
      items.set(key, value)
    },
  }
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('preferences', () => {
  it('stores a choice, forgets it at its default, and reads what another tab wrote', () => {
    const storage = fakeStorage()
    vi.stubGlobal('localStorage', storage)
    densityPreference.set('compact')
    expect(storage.getItem('dashboard.density')).toBe('compact')
    densityPreference.set('comfortable')
    expect(storage.getItem('dashboard.density')).toBeNull()
    storage.setItem('dashboard.density', 'compact')
    expect(densityPreference.get()).toBe('compact')
    // Cleared elsewhere: storage is the truth, not what this page last wrote.
    densityPreference.set('compact')
    storage.clear()
    expect(densityPreference.get()).toBe('comfortable')
  })

  it('falls back to the default on a stored value it cannot read', () => {
    const storage = fakeStorage()
    vi.stubGlobal('localStorage', storage)
    storage.setItem('dashboard.density', 'enormous')
    expect(densityPreference.get()).toBe('comfortable')
    storage.setItem('dashboard.explorer.columns', '{"visibility":{"Name":"yes"},"order":[]}')
    expect(tableLayoutPreference.get()).toBeNull()
    storage.setItem('dashboard.explorer.lastSeen', 'not json')
    expect(lastSeenPreference.get()).toBeNull()
  })

  it('keeps a choice for the page when storage is refused', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('SecurityError')
      },
      setItem: () => {
        throw new Error('SecurityError')
      },
    })
    densityPreference.set('compact')
    expect(densityPreference.get()).toBe('compact')
  })

  it('gives the same object for the same stored text, as useSyncExternalStore needs', () => {
    const storage = fakeStorage()
    vi.stubGlobal('localStorage', storage)
    tableLayoutPreference.set({ visibility: { Name: true }, order: ['Name'] })
    expect(tableLayoutPreference.get()).toBe(tableLayoutPreference.get())
    expect(tableLayoutPreference.get()).toEqual({ visibility: { Name: true }, order: ['Name'] })
  })
})
