import { type BufferedAnswer, bufferedRequest } from './buffered-request.ts'
import type { Upstream } from './forward.ts'

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

/** The proxy's own EM session for wall screens: one token, renewed once however many requests saw it die. */
export type KioskSession = {
  /** The current token; logs on first when there is none. */
  token(): Promise<string>
  /** A token other than `stale`, which EM just refused: joins a logon in flight or starts one (single-flight). */
  renew(stale: string): Promise<string>
}

const logonPath = '/api/sessionMngr/?v=latest'

/** Creates the kiosk session; nothing is sent to EM until the first wall request needs a token. */
export function createKioskSession(
  upstream: Upstream,
  account: KioskAccount,
  log: { info(line: string): void; warn(line: string): void },
  now: () => number = Date.now,
): KioskSession {
  let current: string | null = null
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
        })
        if (answer.status !== 201 && answer.status !== 200) throw refused(answer.status)
        const token = tokenOf(answer)
        if (token === null) throw refused(answer.status)
        log.info(`Kiosk: signed in to EM as ${account.user}`)
        refusal = null
        current = token
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
  }
}

// The header is the contract; EM's token is base64 of the SessionId (em-api.md §3) when a gateway drops it.
function tokenOf(answer: BufferedAnswer): string | null {
  for (let i = 0; i + 1 < answer.rawHeaders.length; i += 2) {
    const value = answer.rawHeaders[i + 1]
    if (answer.rawHeaders[i]?.toLowerCase() === 'x-restsvcsessionid' && value) return value
  }
  const text = answer.body.toString('utf8')
  const sessionId = /<SessionId>([^<]+)<\/SessionId>|"SessionId"\s*:\s*"([^"]+)"/.exec(text)
  const id = sessionId?.[1] ?? sessionId?.[2]
  return id ? Buffer.from(id.trim(), 'utf8').toString('base64') : null
}

function basic(account: KioskAccount): string {
  return `Basic ${Buffer.from(`${account.user}:${account.password}`, 'utf8').toString('base64')}`
}
