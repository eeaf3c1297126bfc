import { EmHttpError } from '@/em/errors.ts'
import { emFetch } from '@/em/http.ts'
import { logon, logout } from '@/em/logon.ts'
import { setEmSession } from '@/em/session-token.ts'
import { getWireFormat } from '@/em/wire-format.ts'

// EM grants a logon to Restore Operators too, then answers 403 on replica sessions (em-api.md §10). One cheap read of
// what every screen needs, right after logon, turns that into a clear message at the sign-in form instead of an
// empty explorer; the role itself is never guessed from the user name (EM does not tell it).
const ROLE_PROBE = '/api/query?type=ReplicaJobSession&format=References&pageSize=1'

/** Logs on, checks the account may read data, then stores the session (never the password). */
export async function signIn(userName: string, password: string): Promise<void> {
  const format = getWireFormat()
  const { token, session } = await logon(userName, password, format)
  try {
    await emFetch(ROLE_PROBE, { format, token })
  } catch (error) {
    if (error instanceof EmHttpError && error.status === 403) {
      await logout(session, token, format).catch(() => undefined)
    }
    throw error
  }
  setEmSession({
    token,
    sessionId: session.sessionId,
    userName: session.userName,
    logoutPath: session.logoutPath,
  })
}
