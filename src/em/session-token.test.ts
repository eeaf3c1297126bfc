import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'

// Node has no Web Storage: a Map-backed stand-in with the same surface.
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>()
  get length(): number {
    return this.items.size
  }
  clear(): void {
    this.items.clear()
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null
  }
  removeItem(key: string): void {
    this.items.delete(key)
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value)
  }
}

const SESSION = {
  token: 'NDRjZmJkYmUtNWE5NS00MTU2LTg4NjctOTFmMDY5YjdjMmNj',
  sessionId: '44cfbdbe-5a95-4156-8867-91f069b7c2cc',
  userName: 'ENTERPRISE04\\Administrator',
  logoutPath: '/api/logonSessions/44cfbdbe-5a95-4156-8867-91f069b7c2cc',
}

let session: MemoryStorage
let local: MemoryStorage

// A fresh module per test: it keeps the session in memory, as a reloaded page would start without it.
async function load() {
  vi.resetModules()
  return import('./session-token.ts')
}

beforeEach(() => {
  session = new MemoryStorage()
  local = new MemoryStorage()
  vi.stubGlobal('sessionStorage', session)
  vi.stubGlobal('localStorage', local)
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('session-token', () => {
  test('signed out when nothing is stored', async () => {
    const { getEmSession } = await load()
    expect(getEmSession()).toBeNull()
  })

  test('set → stored in sessionStorage under em.session, never in localStorage; survives a reload', async () => {
    const first = await load()
    first.setEmSession(SESSION)
    expect(first.getEmSession()).toEqual(SESSION)
    expect(JSON.parse(session.getItem('em.session') ?? 'null')).toEqual(SESSION)
    expect(local.length).toBe(0)
    const reloaded = await load()
    expect(reloaded.getEmSession()).toEqual(SESSION)
  })

  test('the same object is returned until it changes (useSyncExternalStore needs a stable snapshot)', async () => {
    const { getEmSession, setEmSession } = await load()
    setEmSession(SESSION)
    expect(getEmSession()).toBe(getEmSession())
  })

  test('clear → signed out, storage emptied, also after a reload', async () => {
    const first = await load()
    first.setEmSession(SESSION)
    first.clearEmSession()
    expect(first.getEmSession()).toBeNull()
    expect(session.getItem('em.session')).toBeNull()
    expect((await load()).getEmSession()).toBeNull()
  })

  test.each([
    ['not JSON', '{token'],
    ['JSON null', 'null'],
    ['a string', '"token"'],
    ['a missing token', JSON.stringify({ ...SESSION, token: undefined })],
    ['an empty token', JSON.stringify({ ...SESSION, token: '' })],
    ['a number for userName', JSON.stringify({ ...SESSION, userName: 7 })],
    ['a logout path off the proxy', JSON.stringify({ ...SESSION, logoutPath: 'https://evil.example/x' })],
  ])('stored garbage (%s) counts as signed out', async (_label, stored) => {
    session.setItem('em.session', stored)
    const { getEmSession } = await load()
    expect(getEmSession()).toBeNull()
  })

  test('subscribers hear set and clear, and stop hearing after unsubscribing', async () => {
    const { clearEmSession, setEmSession, subscribeEmSession } = await load()
    const listener = vi.fn()
    const unsubscribe = subscribeEmSession(listener)
    setEmSession(SESSION)
    clearEmSession()
    expect(listener).toHaveBeenCalledTimes(2)
    unsubscribe()
    setEmSession(SESSION)
    expect(listener).toHaveBeenCalledTimes(2)
  })

  test('works in memory when storage throws (disabled by the browser)', async () => {
    vi.stubGlobal('sessionStorage', {
      getItem: () => {
        throw new Error('SecurityError')
      },
      setItem: () => {
        throw new Error('SecurityError')
      },
      removeItem: () => {
        throw new Error('SecurityError')
      },
    })
    const { getEmSession, setEmSession } = await load()
    expect(getEmSession()).toBeNull()
    setEmSession(SESSION)
    expect(getEmSession()).toEqual(SESSION)
  })
})
