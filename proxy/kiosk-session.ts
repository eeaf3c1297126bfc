import { type BufferedAnswer, bufferedRequest, UpstreamFailure } from './buffered-request.ts'
import type { Upstream } from './forward.ts'
import type { KioskLogonResult } from './metrics.ts'

/** The kiosk service account; the password stays in this process and only ever goes to EM's logon. */
export type KioskAccount = { user: string; password: string }

/** EM refused the kiosk account's logon (wrong password, no EM role, unsupported version). */
export class KioskLogonError extends Error {
  override readonly name = 'KioskLogonError'
  readonly status: number
  /** How long the proxy waits before it asks EM again. */
  readonly retryAfterMs: number

  constructor(status: number, retryAfterMs: number) {
    super(`Enterprise Manager refused the kiosk account's logon (${status})`)
    this.status = status
    this.retryAfterMs = retryAfterMs
  }
}

// A wrong service password must not lock the AD account: after a refusal the proxy waits 10 s, then 20 s, 40 s …
// up to 15 minutes between logons, however many wall requests arrive meanwhile (they get the refusal again).
const FIRST_BACKOFF_MS = 10_000
const MAX_BACKOFF_MS = 15 * 60_000

/** Where the kiosk session stands, for /readyz: signed in, signing in, waiting after a refusal, or not yet asked. */
export type KioskSessionStatus =
  | { state: 'signed-in' }
  | { state: 'signing-in' }
  | { state: 'not-signed-in' }
  | { state: 'refused'; status: number; retryInMs: number }

/** The proxy's own EM session for wall screens: one token, renewed once however many requests saw it die. */
export type KioskSession = {
  /** The current token; logs on first when there is none. */
  token(): Promise<string>
  /** A token other than `stale`, which EM just refused: joins a logon in flight or starts one (single-flight). */
  renew(stale: string): Promise<string>
  status(): KioskSessionStatus
  /** Ends the session at EM (DELETE its logon session, em-api.md §3), once; a failure is logged, never thrown. */
  logOff(): Promise<void>
}

const logonPath = '/api/sessionMngr/?v=latest'

/** Creates the kiosk session; nothing is sent to EM until the first wall request needs a token. */
export function createKioskSession(
  upstream: Upstream,
  account: KioskAccount,
  log: { info(line: string): void; warn(line: string): void },
  options: { now?: () => number; onLogon?: (result: KioskLogonResult) => void } = {},
): KioskSession {
  const now = options.now ?? Date.now
  const onLogon = options.onLogon ?? (() => undefined)
  let current: string | null = null
  // EM's logout path for the current token: DELETE /api/logonSessions/{SessionId} (em-api.md §3).
  let logoutPath: string | null = null
  let pending: Promise<string> | null = null
  // The last refusal and when EM may be asked again; one logon (and one log line) per backoff step.
  let refusal: { status: number; failures: number; until: number } | null = null

  function refused(status: number): KioskLogonError {
    const failures = (refusal?.failures ?? 0) + 1
    const waitMs = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (failures - 1))
    refusal = { status, failures, until: now() + waitMs }
    log.warn(
      `Kiosk: EM refused the logon of ${account.user} (${status}); next try in ${waitMs / 1000} s (refusal ${failures} in a row)`,
    )
    return new KioskLogonError(status, waitMs)
  }

  function logOn(): Promise<string> {
    if (refusal !== null && now() < refusal.until) {
      return Promise.reject(new KioskLogonError(refusal.status, refusal.until - now()))
    }
    pending ??= (async () => {
      try {
        const answer = await bufferedRequest(upstream, {
          method: 'POST',
          pathAndQuery: logonPath,
          headers: { authorization: basic(account), 'content-length': '0', accept: 'application/xml' },
        }).catch((error: unknown) => {
          if (error instanceof UpstreamFailure) onLogon('failed')
          throw error
        })
        const token = answer.status === 201 || answer.status === 200 ? tokenOf(answer) : null
        if (token === null) {
          onLogon('refused')
          throw refused(answer.status)
        }
        onLogon('success')
        log.info(`Kiosk: signed in to EM as ${account.user}`)
        refusal = null
        current = token
        const sessionId = sessionIdOf(answer)
        logoutPath = sessionId === null ? null : `/api/logonSessions/${encodeURIComponent(sessionId)}`
        return token
      } finally {
        pending = null
      }
    })()
    return pending
  }

  return {
    token: () => (current === null ? logOn() : Promise.resolve(current)),
    renew: (stale) => {
      if (current !== null && current !== stale) return Promise.resolve(current)
      current = null
      return logOn()
    },
    status: () => {
      if (current !== null) return { state: 'signed-in' }
      if (pending !== null) return { state: 'signing-in' }
      if (refusal !== null) {
        return { state: 'refused', status: refusal.status, retryInMs: Math.max(0, refusal.until - now()) }
      }
      return { state: 'not-signed-in' }
    },
    logOff: async () => {
      const token = current
      const path = logoutPath
      current = null
      logoutPath = null
      if (token === null || path === null) return
      try {
        const answer = await bufferedRequest(upstream, {
          method: 'DELETE',
          pathAndQuery: path,
          headers: { 'x-restsvcsessionid': token, accept: 'application/xml' },
        })
        // 401 and 404: EM had already forgotten the session, which is what logging off wants.
        if (answer.status >= 200 && answer.status <= 299) log.info(`Kiosk: logged off EM (${account.user})`)
        else
          log.info(`Kiosk: EM answered ${answer.status} to the logoff; the session ends by itself when idle`)
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error)
        log.warn(`Kiosk: could not log off EM (${reason}); the session ends by itself after 15 idle minutes`)
      }
    },
  }
}

function sessionIdOf(answer: BufferedAnswer): string | null {
  const text = answer.body.toString('utf8')
  const match = /<SessionId>([^<]+)<\/SessionId>|"SessionId"\s*:\s*"([^"]+)"/.exec(text)
  const id = (match?.[1] ?? match?.[2] ?? '').trim()
  return id === '' ? null : id
}

// The header is the contract; EM's token is base64 of the SessionId (em-api.md §3) when a gateway drops it.
function tokenOf(answer: BufferedAnswer): string | null {
  for (let i = 0; i + 1 < answer.rawHeaders.length; i += 2) {
    const value = answer.rawHeaders[i + 1]
    if (answer.rawHeaders[i]?.toLowerCase() === 'x-restsvcsessionid' && value) return value
  }
  const id = sessionIdOf(answer)
  return id ? Buffer.from(id, 'utf8').toString('base64') : null
}

function basic(account: KioskAccount): string {
  return `Basic ${Buffer.from(`${account.user}:${account.password}`, 'utf8').toString('base64')}`
}
