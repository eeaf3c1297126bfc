// Sign-in and sign-out (em-api.md §3), apart from http.ts: only the sign-in screen and the sign-out button call
// them, and the LogonSession parser they need (with the shared EM schemas) is no part of the first page's code.
import { decodeOffThread } from './decode-off-thread.ts'
import { EmHttpError } from './errors.ts'
import { emFetch } from './http.ts'
import { type LogonSession, parseLogonSession } from './parse-logon-session.ts'
import type { WireFormat } from './wire-format.ts'

function basicCredentials(user: string, password: string): string {
  // btoa takes Latin-1 only: encode UTF-8 bytes first so non-ASCII passwords survive.
  let binary = ''
  for (const byte of new TextEncoder().encode(`${user}:${password}`)) binary += String.fromCharCode(byte)
  return `Basic ${btoa(binary)}`
}

/** Logs on (POST /api/sessionMngr/?v=latest, em-api.md §3) and returns the session token and LogonSession. */
export async function logon(
  user: string,
  password: string,
  format: WireFormat,
): Promise<{ token: string; session: LogonSession }> {
  const path = '/api/sessionMngr/?v=latest'
  const response = await emFetch(path, {
    method: 'POST',
    format,
    headers: { Authorization: basicCredentials(user, password) },
  })
  const session = parseLogonSession(await decodeOffThread(response.text, format, path))
  // The header is the contract; base64 of SessionId is what EM sends there (§3) when a proxy drops it.
  const token = response.headers.get('X-RestSvcSessionId') || btoa(session.sessionId)
  return { token, session }
}

/** Ends the EM session (DELETE on its logout path); 401 and 404 mean it is already gone and count as success. */
export async function logout(
  session: { logoutPath: string },
  token: string,
  format: WireFormat,
): Promise<void> {
  try {
    await emFetch(session.logoutPath, { method: 'DELETE', format, token })
  } catch (error) {
    if (error instanceof EmHttpError && (error.status === 401 || error.status === 404)) return
    throw error
  }
}
