// The app's only fetch (STYLE §3.2): same-origin /api through the proxy, typed errors, no side effects.

import { isRecord } from '@/lib/is-record.ts'
import { EmHttpError, EmLinkError, EmUnreachableError } from './errors.ts'
import type { WireFormat } from './wire-format.ts'

export interface EmFetchOptions {
  signal?: AbortSignal
  format: WireFormat
  token?: string | null
  method?: 'GET' | 'DELETE' | 'POST'
  headers?: Record<string, string>
  timeoutMs?: number
}

export interface EmResponse {
  status: number
  headers: Headers
  text: string
}

/**
 * How long the browser waits for the proxy: a backstop above the proxy's longest EM_TIMEOUT_MS (120 s,
 * proxy/env.ts), so the proxy's own 504, which says why, always arrives first and EM_TIMEOUT_MS means what it says.
 */
export const BROWSER_TIMEOUT_MS = 125_000

/**
 * Sends one request to the proxy and returns the 2xx answer; throws EmLinkError for a path outside /api/,
 * EmUnreachableError for 502/504, network failure or timeout, EmHttpError for other non-2xx, and rethrows
 * the caller's own abort untouched.
 */
export async function emFetch(path: string, options: EmFetchOptions): Promise<EmResponse> {
  if (!path.startsWith('/api/')) throw new EmLinkError(path, 'requests go to the proxy under /api/ only')
  const timeoutMs = options.timeoutMs ?? BROWSER_TIMEOUT_MS
  const timeout = AbortSignal.timeout(timeoutMs)
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout
  const headers: Record<string, string> = {
    ...options.headers,
    Accept: options.format === 'json' ? 'application/json' : 'application/xml',
  }
  if (options.token) headers['X-RestSvcSessionId'] = options.token
  let response: Response
  let text: string
  try {
    // credentials 'omit': EM also sets a session cookie, and a stale cookie beats a fresh header (§3, §9.10).
    response = await fetch(path, { method: options.method ?? 'GET', headers, credentials: 'omit', signal })
    text = await response.text()
  } catch (error) {
    if (options.signal?.aborted) throw error
    if (timeout.aborted) {
      throw new EmUnreachableError(`Enterprise Manager did not answer within ${formatSeconds(timeoutMs)}`)
    }
    if (error instanceof TypeError) {
      throw new EmUnreachableError('Cannot reach Enterprise Manager: the network request failed', {
        detail: error.message,
      })
    }
    throw error
  }
  if (response.status === 502 || response.status === 504) throw unreachable(text)
  if (response.status < 200 || response.status > 299) {
    // Loaded on demand: reading an XML error body needs the XML parser, which the first page does without.
    const { readErrorBody } = await import('./error-body.ts')
    const words = readErrorBody(text)
    throw new EmHttpError(response.status, words?.from === 'em' ? words.message : null, path, {
      proxyMessage: words?.from === 'proxy' ? words.message : null,
    })
  }
  return { status: response.status, headers: response.headers, text }
}

// The proxy answers {"error":"unreachable","host":"…","message":"…"}; read it tolerantly, it may be anything.
function unreachable(text: string): EmUnreachableError {
  let body: unknown = null
  try {
    body = JSON.parse(text)
  } catch {
    // Not the proxy's JSON (an upstream gateway page, say): no host to name.
  }
  const host = isRecord(body) && typeof body.host === 'string' && body.host.trim() ? body.host.trim() : null
  const detail = isRecord(body) && typeof body.message === 'string' ? body.message : null
  return new EmUnreachableError(`Cannot reach Enterprise Manager${host ? ` at ${host}` : ''}`, {
    host,
    detail,
  })
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`
}
