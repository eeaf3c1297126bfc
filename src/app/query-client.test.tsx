import { renderHook } from '@testing-library/react'
import { act } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { EmHttpError } from '@/em/errors.ts'
import { clearEmSession, setEmSession } from '@/em/session-token.ts'
import { closeReauth, useReauthOpen } from '@/features/auth/reauth-store.ts'
import { createQueryClient } from './query-client.ts'

afterEach(() => {
  act(() => closeReauth())
  clearEmSession()
})

async function failWith401() {
  const client = createQueryClient({ retries: false })
  await client
    .fetchQuery({
      queryKey: ['x'],
      queryFn: () => Promise.reject(new EmHttpError(401, 'Session expired', '/api/query')),
    })
    .catch(() => undefined)
}

describe('a 401 anywhere', () => {
  it('opens the re-sign-in dialog while signed in', async () => {
    setEmSession({ token: 't', sessionId: 's', userName: 'u', logoutPath: '/api/logonSessions/s' })
    const { result } = renderHook(() => useReauthOpen())
    await act(failWith401)
    expect(result.current).toBe(true)
  })

  it('does nothing once signed out: there is no session to renew', async () => {
    const { result } = renderHook(() => useReauthOpen())
    await act(failWith401)
    expect(result.current).toBe(false)
  })
})
