import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { type BufferedAnswer, bufferedRequest, UpstreamFailure } from './buffered-request.ts'
import { createCoalescer } from './coalesce.ts'
import type { Upstream } from './forward.ts'
import { clientResponseHeaders } from './forward-headers.ts'
import { sendJson } from './json-response.ts'
import { createKeyGuesses } from './key-guesses.ts'
import { kioskAllows } from './kiosk-allowlist.ts'
import type { KioskSettings } from './kiosk-env.ts'
import { createKioskSession, KioskLogonError, type KioskSession } from './kiosk-session.ts'
import type { KioskCacheResult } from './metrics.ts'
import type { GuardVerdict } from './request-guard.ts'
import { apiSecurityHeaders, setHeaders } from './security-headers.ts'
import { retryAfterSeconds } from './throttle.ts'
import { sendUnreachable } from './upstream-error.ts'

export const KIOSK_KEY_HEADER = 'x-kiosk-key'
const REFRESH_HEADER = 'x-refresh-interval'
/** The proxy's own header: how many seconds ago EM gave the answer (0: just now). The wall dates its data by it. */
export const KIOSK_AGE_HEADER = 'X-Kiosk-Age'

/** Answers one /api request that carries X-Kiosk-Key (the guard's verdict says whether it is clean) from `address`. */
export type KioskHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  verdict: Exclude<GuardVerdict, { kind: 'app' }>,
  address: string,
) => void

type Log = { info(line: string): void; warn(line: string): void }

// The wall's refresh interval bounds how long an answer is shared (X-Refresh-Interval, seconds).
const MIN_TTL_S = 5
const MAX_TTL_S = 300
const DEFAULT_TTL_S = 15
// Distinct wall queries are few (a handful per filter); the bounds only stop a misbehaving client. A 1,000-row
// XML page is about 1 MB, so 32 MiB holds every query of many walls while 150 large distinct ones cannot grow it.
const MAX_CACHED = 200
export const MAX_CACHED_BYTES = 32 * 1024 * 1024
// Past its interval an answer is still served at once while one refresh goes to EM, for up to this long: walls
// never wait on a slow EM, and show the answer's age (X-Kiosk-Age), turning stale on their own clock. Beyond it a
// wall waits for EM like a first request, and gets EM's error if EM fails.
export const MAX_STALE_S = 300

/** Kiosk mode: checks the key, allows read-only GETs from the allowlist, and answers them through the proxy's own EM session, coalesced. Without settings every kiosk request gets 403. */
export function createKioskHandler(options: {
  upstream: Upstream
  settings: KioskSettings | undefined
  log: Log
  now?: () => number
  /** Bytes of answers the cache may hold (default MAX_CACHED_BYTES). */
  cacheBytes?: number
  /** The kiosk account's EM session, shared with the privilege self-check; made here when not given. */
  session?: KioskSession
  /** Hears how the shared cache answered each request (metrics). */
  onCache?: (result: KioskCacheResult) => void
}): KioskHandler {
  const { upstream, settings } = options
  if (settings === undefined) {
    return (_req, res) => forbid(res, 'Kiosk mode is off on this proxy')
  }
  const expected = digest(settings.key)
  const session = options.session ?? createKioskSession(upstream, settings, options.log, { now: options.now })
  const guesses = createKeyGuesses(options.now)
  // Only answers to the proxy's own requests (fetchWithSession) are ever stored; browser requests never come here.
  const coalescer = createCoalescer<BufferedAnswer>({
    maxEntries: MAX_CACHED,
    maxBytes: options.cacheBytes ?? MAX_CACHED_BYTES,
    sizeOf: (answer) => answer.body.length + answer.rawHeaders.reduce((sum, text) => sum + text.length, 0),
    maxAgeMs: MAX_TTL_S * 1000,
    staleMs: MAX_STALE_S * 1000,
    cacheable: (answer) => answer.status >= 200 && answer.status <= 299,
    onRefreshError: (key, failure) => {
      const reason =
        'value' in failure
          ? `EM answered ${failure.value.status}`
          : failure.error instanceof Error
            ? failure.error.message
            : String(failure.error)
      const path = key.slice(key.indexOf(' ') + 1)
      options.log.warn(
        `Kiosk: refreshing ${path} failed (${reason}); walls get the answer they had meanwhile`,
      )
    },
    now: options.now,
  })
  const onCache = options.onCache ?? (() => undefined)

  async function fetchWithSession(pathAndQuery: string, accept: string): Promise<BufferedAnswer> {
    const get = (token: string) =>
      bufferedRequest(upstream, {
        method: 'GET',
        pathAndQuery,
        headers: { accept, 'x-restsvcsessionid': token },
      })
    const token = await session.token()
    const answer = await get(token)
    if (answer.status !== 401) return answer
    // EM forgot the session (15 idle minutes, a restart, a logout): log on again once, then try once more.
    return get(await session.renew(token))
  }

  return (req, res, verdict, address) => {
    const waitMs = guesses.waitMs(address)
    if (waitMs > 0) {
      sendJson(
        res,
        429,
        {
          error: 'too_many_attempts',
          message: 'Too many wrong kiosk keys from this address; wait and try again',
        },
        { 'Retry-After': retryAfterSeconds(waitMs) },
      )
      return
    }
    const given = req.headers[KIOSK_KEY_HEADER]
    const givenDigest = digest(typeof given === 'string' ? given : '')
    if (typeof given !== 'string' || !timingSafeEqual(givenDigest, expected)) {
      guesses.wrong(address, givenDigest)
      forbid(res, 'Wrong or missing kiosk key')
      return
    }
    if (req.method !== 'GET') {
      forbid(res, 'Kiosk access is read-only: GET only')
      return
    }
    if (verdict.kind === 'refuse') {
      forbid(res, verdict.message)
      return
    }
    const queryAt = verdict.pathAndQuery.indexOf('?')
    const rawQuery = queryAt === -1 ? '' : verdict.pathAndQuery.slice(queryAt + 1)
    const allowed = kioskAllows(verdict.path, rawQuery)
    if (!allowed.allowed) {
      forbid(res, `Not on the kiosk allowlist: ${allowed.reason}`)
      return
    }
    // EM's own rule (em-api.md §1): JSON iff Accept names application/json; two spellings, one answer.
    const accept = (req.headers.accept ?? '').includes('application/json')
      ? 'application/json'
      : 'application/xml'
    const ttlMs = refreshSeconds(req.headers[REFRESH_HEADER]) * 1000
    coalescer
      .get(`${accept} ${verdict.pathAndQuery}`, ttlMs, () => fetchWithSession(verdict.pathAndQuery, accept))
      .then(({ value, source, ageMs }) => {
        onCache(source)
        sendAnswer(res, value, { source, ageMs })
      })
      .catch((error: unknown) => sendFailure(res, upstream.host, error))
  }
}

function sendAnswer(
  res: ServerResponse,
  answer: BufferedAnswer,
  { source, ageMs }: { source: string; ageMs: number },
): void {
  if (res.destroyed) return
  if (answer.status === 401) {
    // A 401 would open the browser's sign-in dialog; a wall screen must keep retrying instead.
    sendJson(res, 503, {
      error: 'kiosk_signin_failed',
      message: 'Enterprise Manager refused the kiosk session even after a fresh logon',
    })
    return
  }
  // The proxy's EM token stays in the proxy: no session header, whatever EM sent.
  for (const [name, values] of clientResponseHeaders(answer.rawHeaders, { sessionHeader: false })) {
    res.setHeader(name, values)
  }
  setHeaders(res, apiSecurityHeaders)
  res.setHeader('Cache-Control', 'no-store')
  res.setHeader('Content-Length', String(answer.body.length))
  res.setHeader('X-Kiosk-Cache', source)
  res.setHeader(KIOSK_AGE_HEADER, String(Math.floor(ageMs / 1000)))
  res.writeHead(answer.status, answer.statusMessage)
  res.end(answer.body)
}

function sendFailure(res: ServerResponse, host: string, error: unknown): void {
  if (res.destroyed || res.headersSent) return
  if (error instanceof UpstreamFailure) {
    sendUnreachable(res, error.status, host, error.message)
  } else if (error instanceof KioskLogonError && error.status >= 500) {
    sendJson(
      res,
      error.status,
      { error: 'em_error', message: error.message },
      { 'Retry-After': retryAfterSeconds(error.retryAfterMs) },
    )
  } else if (error instanceof KioskLogonError) {
    sendJson(
      res,
      503,
      {
        error: 'kiosk_signin_failed',
        message: `${error.message}: check EM_KIOSK_USER and EM_KIOSK_PASSWORD on the proxy`,
      },
      { 'Retry-After': retryAfterSeconds(error.retryAfterMs) },
    )
  } else {
    sendJson(res, 500, { error: 'internal', message: 'The proxy failed to answer this kiosk request' })
  }
}

function forbid(res: ServerResponse, message: string): void {
  sendJson(res, 403, { error: 'forbidden', message })
}

// Hashing first gives both sides the same length, so the comparison takes the same time for any key.
function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest()
}

function refreshSeconds(header: string | string[] | undefined): number {
  const seconds = typeof header === 'string' ? Number(header) : Number.NaN
  if (!Number.isFinite(seconds)) return DEFAULT_TTL_S
  return Math.min(MAX_TTL_S, Math.max(MIN_TTL_S, Math.round(seconds)))
}
