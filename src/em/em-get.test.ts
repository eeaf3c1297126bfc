import { afterEach, describe, expect, test, vi } from 'vitest'
import { emGet, emGetAnswer } from './em-get.ts'
import { EmHttpError } from './errors.ts'
import { setKioskKey, setKioskRefreshSeconds } from './kiosk-key.ts'
import { clearEmSession, setEmSession } from './session-token.ts'

const seen: Headers[] = []

function stubFetch(answerHeaders: Record<string, string> = {}) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_path: string, init: RequestInit) => {
      seen.push(new Headers(init.headers))
      return new Response('{"Links":[]}', {
        status: 200,
        headers: { 'content-type': 'application/json', ...answerHeaders },
      })
    }),
  )
}

afterEach(() => {
  vi.unstubAllGlobals()
  clearEmSession()
  setKioskKey(null)
  setKioskRefreshSeconds(null)
  seen.length = 0
})

describe('emGet credentials', () => {
  test('a signed-in session sends its token', async () => {
    stubFetch()
    setEmSession({ token: 'tok', sessionId: 's', userName: 'u', logoutPath: '/api/logonSessions/s' })
    await emGet('/api/', { format: 'json' })
    expect(seen[0]?.get('X-RestSvcSessionId')).toBe('tok')
    expect(seen[0]?.get('X-Kiosk-Key')).toBeNull()
  })

  test('a kiosk key (set only while a wall URL carries one) wins over a signed-in session, whose token stays home', async () => {
    stubFetch()
    setEmSession({ token: 'tok', sessionId: 's', userName: 'u', logoutPath: '/api/logonSessions/s' })
    setKioskKey('wall-key')
    await emGet('/api/', { format: 'json' })
    expect(seen[0]?.get('X-Kiosk-Key')).toBe('wall-key')
    expect(seen[0]?.get('X-RestSvcSessionId')).toBeNull()
    setKioskKey(null)
    await emGet('/api/', { format: 'json' })
    expect(seen[1]?.get('X-RestSvcSessionId')).toBe('tok')
    expect(seen[1]?.get('X-Kiosk-Key')).toBeNull()
  })

  test('without a session a kiosk wall sends its key and refresh interval, and no token', async () => {
    stubFetch()
    setKioskKey('wall-key')
    setKioskRefreshSeconds(30)
    await emGet('/api/', { format: 'json' })
    expect(seen[0]?.get('X-Kiosk-Key')).toBe('wall-key')
    expect(seen[0]?.get('X-Refresh-Interval')).toBe('30')
    expect(seen[0]?.get('X-RestSvcSessionId')).toBeNull()
  })

  test('with neither, the query fails as 401 without a request', async () => {
    stubFetch()
    await expect(emGet('/api/', { format: 'json' })).rejects.toBeInstanceOf(EmHttpError)
    expect(seen).toHaveLength(0)
  })
})

describe("emGetAnswer's age", () => {
  test("in kiosk mode it is the proxy's X-Kiosk-Age, in milliseconds", async () => {
    stubFetch({ 'X-Kiosk-Age': '42' })
    setKioskKey('wall-key')
    expect((await emGetAnswer('/api/', { format: 'json' })).ageMs).toBe(42_000)
  })

  test('a signed-in session ignores any such header: its answers come straight from EM', async () => {
    stubFetch({ 'X-Kiosk-Age': '42' })
    setEmSession({ token: 'tok', sessionId: 's', userName: 'u', logoutPath: '/api/logonSessions/s' })
    expect((await emGetAnswer('/api/', { format: 'json' })).ageMs).toBeUndefined()
  })

  test('a missing or malformed age is no age', async () => {
    setKioskKey('wall-key')
    const answers: Array<Record<string, string>> = [
      {},
      { 'X-Kiosk-Age': '-3' },
      { 'X-Kiosk-Age': '1e9' },
      { 'X-Kiosk-Age': 'soon' },
    ]
    for (const header of answers) {
      stubFetch(header)
      expect((await emGetAnswer('/api/', { format: 'json' })).ageMs).toBeUndefined()
    }
  })
})
