// The one step every EM query shares: signed-in token + wire format → fetch → decoded body.
import { decodeBody } from './decode-body.ts'
import { EmHttpError } from './errors.ts'
import { emFetch } from './http.ts'
import { getEmSession } from './session-token.ts'
import { getWireFormat, type WireFormat } from './wire-format.ts'

/** The inputs of every EM query that are not its own arguments; each query key carries them. */
export interface EmContext {
  format: WireFormat
  sessionId: string | null
}

/** The current wire format and signed-in session id: a switch of either gives new keys, so queries refetch. */
export function emContext(): EmContext {
  return { format: getWireFormat(), sessionId: getEmSession()?.sessionId ?? null }
}

/** GETs a proxy path with the current token and decodes it; throws EmHttpError(401, 'Not signed in') when signed out. */
export async function emGet(
  path: string,
  options: { signal?: AbortSignal; format: WireFormat },
): Promise<unknown> {
  // Read now, not when the key was built: a re-sign-in replaces the token for queries already in the cache.
  const session = getEmSession()
  if (!session) throw new EmHttpError(401, 'Not signed in', path)
  const { text } = await emFetch(path, {
    signal: options.signal,
    format: options.format,
    token: session.token,
  })
  return decodeBody(text, options.format, path)
}
