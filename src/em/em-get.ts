// The one step every EM query shares: signed-in token + wire format → fetch → decoded body.
import { decodeOffThread, expectBodies } from './decode-off-thread.ts'
import { EmHttpError } from './errors.ts'
import { emFetch } from './http.ts'
import { getKioskKey, KIOSK_AGE_HEADER, kioskAgeMs, kioskHeaders } from './kiosk-key.ts'
import type { PageParserName, ParsedPage } from './page-parsers.ts'
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
 * decodes it; throws EmHttpError(401, 'Not signed in') when there is neither.
 */
export async function emGet(
  path: string,
  options: { signal?: AbortSignal; format: WireFormat },
): Promise<unknown> {
  return (await emGetWith(path, options)).body
}

/**
 * As emGet, with how old the answer already was when it arrived: the kiosk proxy's X-Kiosk-Age (its shared copy),
 * read only in kiosk mode; undefined when the answer came straight from EM.
 */
export async function emGetAnswer(
  path: string,
  options: { signal?: AbortSignal; format: WireFormat },
): Promise<{ body: unknown; ageMs: number | undefined }> {
  return emGetWith(path, options)
}

/**
 * emGet, parsed by a page parser in the decode worker (page-parsers.ts): for pages read by the thousand, whose
 * decoded documents would cost the main thread more to receive than the parsed pages.
 */
export async function emGetPage<K extends PageParserName>(
  path: string,
  options: { signal?: AbortSignal; format: WireFormat },
  parser: K,
): Promise<ParsedPage<K>> {
  return (await emGetPageAnswer(path, options, parser)).page
}

/** emGetPage with the answer's age, as emGetAnswer. */
export async function emGetPageAnswer<K extends PageParserName>(
  path: string,
  options: { signal?: AbortSignal; format: WireFormat },
  parser: K,
): Promise<{ page: ParsedPage<K>; ageMs: number | undefined }> {
  const { body, ageMs } = await emGetWith(path, options, parser)
  // PAGE_PARSERS[parser] produced this value (zod-checked, in the worker or here); a structured clone keeps
  // plain data as it was, so only the static type is restored here.
  return { page: body as ParsedPage<K>, ageMs }
}

// Requests on their way: each will bring a body to decode (decode-off-thread.ts starts its workers for them).
let fetching = 0

async function emGetWith(
  path: string,
  options: { signal?: AbortSignal; format: WireFormat },
  parser?: PageParserName,
): Promise<{ body: unknown; ageMs: number | undefined }> {
  // Read now, not when the key was built: a re-sign-in replaces the token for queries already in the cache.
  const session = getEmSession()
  // The key wins: a wall bookmark shows what the wall account sees in any tab, signed in or not, and keeps running
  // when that tab's session ends. Only /wall sets the key and it clears it on leaving, so elsewhere the session asks.
  const kiosk = getKioskKey() !== null
  if (!kiosk && !session) throw new EmHttpError(401, 'Not signed in', path)
  fetching += 1
  expectBodies(fetching)
  let response: { text: string; headers: Headers }
  try {
    response = await emFetch(path, {
      signal: options.signal,
      format: options.format,
      token: kiosk ? null : (session?.token ?? null),
      headers: kiosk ? kioskHeaders() : {},
    })
  } finally {
    fetching -= 1
  }
  const ageMs = kiosk ? kioskAgeMs(response.headers.get(KIOSK_AGE_HEADER)) : undefined
  return { body: await decodeOffThread(response.text, options.format, path, parser), ageMs }
}
