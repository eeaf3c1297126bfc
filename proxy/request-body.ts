// Request framing (STYLE §4.6): the proxy decides every byte it sends EM. It refuses a body where EM takes none,
// reads a permitted body whole within its limit, and forwards it with a Content-Length of its own; the client's
// framing (chunked or not) never reaches EM.
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'
import { MAX_BODY_BYTES } from './limits.ts'

export type BodyPlan =
  | { kind: 'none' }
  | { kind: 'read'; limit: number }
  | { kind: 'refuse'; status: 400 | 413; error: string; message: string }

const bodiless = new Set(['GET', 'HEAD', 'DELETE'])

/** What to do with the body of an /api request, from its head alone (nothing has been read yet). */
export function planBody(method: string, headers: IncomingHttpHeaders, signIn: boolean): BodyPlan {
  const declared = headers['content-length'] === undefined ? null : Number(headers['content-length'])
  const hasBody = headers['transfer-encoding'] !== undefined || (declared !== null && declared > 0)
  if (bodiless.has(method)) {
    return hasBody
      ? { kind: 'refuse', status: 400, error: 'bad_request', message: `a ${method} request carries no body` }
      : { kind: 'none' }
  }
  const limit = MAX_BODY_BYTES
  if (declared !== null && declared > limit) return tooLarge(limit, signIn)
  return hasBody ? { kind: 'read', limit } : { kind: 'none' }
}

/** The refusal for a body over `limit`, naming the limit. */
export function tooLarge(limit: number, signIn: boolean): BodyPlan & { kind: 'refuse' } {
  return {
    kind: 'refuse',
    status: 413,
    error: 'payload_too_large',
    message: signIn
      ? 'sign-in takes no request body (credentials travel in Authorization)'
      : limit === 0
        ? 'a request to Enterprise Manager through this proxy carries no body (job and server actions take none)'
        : `request body over ${limit} bytes, the proxy's limit`,
  }
}

export class BodyTooLarge extends Error {
  override readonly name = 'BodyTooLarge'
}

/** Reads the whole body, rejecting with BodyTooLarge as soon as it passes `limit` (and reading no further). */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        req.off('data', onData)
        req.pause()
        reject(new BodyTooLarge())
      } else chunks.push(chunk)
    }
    req.on('data', onData)
    req.once('end', () => resolve(Buffer.concat(chunks)))
    req.once('error', reject)
    req.once('close', () => {
      if (!req.complete) reject(new Error('the client closed the request before its body ended'))
    })
  })
}
