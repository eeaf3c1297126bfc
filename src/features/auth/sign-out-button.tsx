import { useQueryClient } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { logout } from '@/em/logon.ts'
import { clearEmSession, getEmSession } from '@/em/session-token.ts'
import { getWireFormat } from '@/em/wire-format.ts'
import { closeReauth } from './reauth-store.ts'

/** Ends the EM session (DELETE logonSessions/{id}), then forgets the token and every cached answer. */
export function SignOutButton() {
  const queryClient = useQueryClient()
  const navigate = useNavigate()

  async function signOut() {
    const session = getEmSession()
    if (session) {
      // A session EM already dropped is fine to forget; sign-out must never get stuck on EM being down.
      await logout(session, session.token, getWireFormat()).catch(() => undefined)
    }
    clearEmSession()
    // A dialog asking to renew the session that was just ended has nothing left to renew.
    closeReauth()
    queryClient.clear()
    await navigate({ to: '/sign-in', search: {} })
  }

  return (
    <button type="button" className="button button--small" onClick={() => void signOut()}>
      Sign out
    </button>
  )
}
