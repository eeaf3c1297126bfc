// The messages between decode-off-thread.ts and its worker: a body to decode (and, for the biggest answers, to
// validate into domain objects), and the result or the error back. Errors cross as plain data (structured clone
// keeps neither class nor fields) and are rebuilt on the other side.
import { decodeBody } from './decode-body.ts'
import { EmHttpError, EmParseError } from './errors.ts'
import { parseSessionsPage } from './parse-session.ts'
import type { WireFormat } from './wire-format.ts'

/**
 * Parsers the worker runs after decoding: zod's validation of a 1,000-session page is a long task of its own, so
 * it happens beside the XML parsing instead of on the main thread. The domain objects are plain data.
 */
export const WORKER_PARSERS = { sessionsPage: parseSessionsPage } as const

export type WorkerParser = keyof typeof WORKER_PARSERS

export interface DecodeRequest {
  id: number
  text: string
  format: WireFormat
  path: string
  /** Validate the decoded document with this parser too; absent: the document itself comes back. */
  parse?: WorkerParser
}

export type DecodeFailure =
  | { kind: 'http'; status: number; emMessage: string | null; path: string }
  | { kind: 'parse'; message: string; excerpt: string | null }
  | { kind: 'other'; message: string }

export type DecodeReply =
  | { id: number; ok: true; doc: unknown }
  | { id: number; ok: false; error: DecodeFailure }

/** decodeBody, then the named parser if any: what the worker does, and what runs here where there is none. */
export function decodeAndParse(request: Omit<DecodeRequest, 'id'>): unknown {
  const doc = decodeBody(request.text, request.format, request.path)
  return request.parse ? WORKER_PARSERS[request.parse](doc) : doc
}

/** What the worker does with one request: decodeAndParse, its error turned into data. */
export function answerDecodeRequest(request: DecodeRequest): DecodeReply {
  try {
    return { id: request.id, ok: true, doc: decodeAndParse(request) }
  } catch (error) {
    return { id: request.id, ok: false, error: describeFailure(error) }
  }
}

function describeFailure(error: unknown): DecodeFailure {
  if (error instanceof EmHttpError) {
    return { kind: 'http', status: error.status, emMessage: error.emMessage, path: error.path }
  }
  if (error instanceof EmParseError) return { kind: 'parse', message: error.message, excerpt: error.excerpt }
  return { kind: 'other', message: error instanceof Error ? error.message : String(error) }
}
