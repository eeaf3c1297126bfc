import type { OutgoingHttpHeaders } from 'node:http'
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { connectionErrorKind, type EmErrorKind } from './em-watch.ts'
import type { Upstream } from './forward.ts'
import { describeUpstreamError } from './upstream-error.ts'

/** A whole EM answer held in memory, so it can be shared by many clients and retried after a re-logon. */
export type BufferedAnswer = {
  status: number
  statusMessage: string
  rawHeaders: string[]
  body: Buffer
}

/** Why EM gave no answer: 502 (connection failed) or 504 (no answer in time), with an operator-readable reason. */
export class UpstreamFailure extends Error {
  override readonly name = 'UpstreamFailure'
  readonly status: 502 | 504
  readonly kind: EmErrorKind

  constructor(
    status: 502 | 504,
    reason: string,
    kind: EmErrorKind = status === 504 ? 'timeout' : 'unreachable',
  ) {
    super(reason)
    this.status = status
    this.kind = kind
  }
}

// Kiosk answers are small QueryResult pages (pageSize is capped at 1000 by EM); anything far beyond is refused.
const MAX_BODY_BYTES = 32 * 1024 * 1024

/** Sends one request to EM and resolves with its complete answer; rejects with UpstreamFailure. */
export function bufferedRequest(
  upstream: Upstream,
  init: { method: string; pathAndQuery: string; headers: OutgoingHttpHeaders },
): Promise<BufferedAnswer> {
  const { origin } = upstream
  const send = origin.protocol === 'https:' ? httpsRequest : httpRequest
  const watched = upstream.watch?.()
  return new Promise((resolve, reject) => {
    const req = send({
      hostname: origin.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: origin.port === '' ? undefined : Number(origin.port),
      method: init.method,
      path: (upstream.pathPrefix ?? '') + init.pathAndQuery,
      headers: { host: origin.host, ...init.headers },
      agent: upstream.agent,
    })
    let settled = false
    const fail = (failure: UpstreamFailure): void => {
      clearTimeout(timer)
      req.destroy()
      if (!settled) watched?.failed(failure.kind)
      settled = true
      reject(failure)
    }
    const timer = setTimeout(
      () => fail(new UpstreamFailure(504, `no answer within ${upstream.timeoutMs} ms (EM_TIMEOUT_MS)`)),
      upstream.timeoutMs,
    )
    req.on('response', (res) => {
      // Answered: latency is to EM's response headers, as for forwarded requests.
      watched?.answered(res.statusCode ?? 502)
      settled = true
      const chunks: Buffer[] = []
      let size = 0
      res.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > MAX_BODY_BYTES) fail(new UpstreamFailure(502, 'answer too large', 'cut_short'))
        else chunks.push(chunk)
      })
      res.on('end', () => {
        clearTimeout(timer)
        // A body cut short by EM must not be shared (or cached) as if complete.
        if (!res.complete) {
          fail(new UpstreamFailure(502, 'answer cut short', 'cut_short'))
          return
        }
        resolve({
          status: res.statusCode ?? 502,
          statusMessage: res.statusMessage ?? '',
          rawHeaders: res.rawHeaders,
          body: Buffer.concat(chunks),
        })
      })
      res.on('close', () => {
        if (!res.complete) fail(new UpstreamFailure(502, 'answer cut short', 'cut_short'))
      })
    })
    req.on('error', (error) =>
      fail(new UpstreamFailure(502, describeUpstreamError(error), connectionErrorKind(error))),
    )
    req.end()
  })
}
