// The one step every EM query shares: signed-in token + wire format → fetch → decoded body.
import type { WorkerParser } from './decode-message.ts'
import { decodeOffThread } from './decode-off-thread.ts'
import { EmHttpError, EmParseError } from './errors.ts'
import { emFetch } from './http.ts'
import { getKioskKey, kioskHeaders } from './kiosk-key.ts'
import type { Page } from './page-schema.ts'
import type { ReplicaJobSession } from './parse-session.ts'
import { getEmSession } from './session-token.ts'
import { getWireFormat, type WireFormat } from './wire-format.ts'

/** The inputs of every EM query that are not its own arguments; each query key carries them. */
export interface EmContext {
  format: WireFormat
}

// The session is deliberately not part of the key: after a re-sign-in the same keys refetch with the new token
// (read at request time below) while their data stays on screen; sign-out clears the whole cache instead.
/** The current wire format: switching it gives new keys, so queries refetch in the other format. */
export function emContext(): EmContext {
  return { format: getWireFormat() }
}

/**
 * GETs a proxy path with the kiosk key while a wall URL carries one, else with the signed-in session's token, and
 * decodes it (and validates it with `parse`, off the main thread); throws EmHttpError(401, 'Not signed in') when
 * there is neither.
 */
async function getAndDecode(
  path: string,
  options: { signal?: AbortSignal; format: WireFormat },
  parse?: WorkerParser,
): Promise<unknown> {
  // Read now, not when the key was built: a re-sign-in replaces the token for queries already in the cache.
  const session = getEmSession()
  // The key wins: a wall bookmark shows what the wall account sees in any tab, signed in or not, and keeps running
  // when that tab's session ends. Only /wall sets the key and it clears it on leaving, so elsewhere the session asks.
  const kiosk = getKioskKey() !== null
  if (!kiosk && !session) throw new EmHttpError(401, 'Not signed in', path)
  const { text } = await emFetch(path, {
    signal: options.signal,
    format: options.format,
    token: kiosk ? null : (session?.token ?? null),
    headers: kiosk ? kioskHeaders() : {},
  })
  return decodeOffThread(text, options.format, path, parse)
}

/** The decoded document at a proxy path (see getAndDecode); its parser runs on the caller's side. */
export function emGet(path: string, options: { signal?: AbortSignal; format: WireFormat }): Promise<unknown> {
  return getAndDecode(path, options)
}

// A worker's answer carries no type: parseSessionsPage validated it there (or here, without a worker), so only the
// envelope is looked at again, a guard against a message from something else, not a second validation.
function isSessionsPage(value: unknown): value is Page<ReplicaJobSession> {
  return (
    typeof value === 'object' &&
    value !== null &&
    'items' in value &&
    Array.isArray(value.items) &&
    'paging' in value &&
    typeof value.paging === 'object'
  )
}

/** A page of sessions at a proxy path, decoded and validated by parseSessionsPage off the main thread. */
export async function emGetSessionsPage(
  path: string,
  options: { signal?: AbortSignal; format: WireFormat },
): Promise<Page<ReplicaJobSession>> {
  const page = await getAndDecode(path, options, 'sessionsPage')
  if (!isSessionsPage(page))
    throw new EmParseError('The decoder answered something other than a page of sessions')
  return page
}
