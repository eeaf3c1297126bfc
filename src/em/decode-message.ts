// The messages between decode-off-thread.ts and its worker: a body to decode, and the document or the error back.
// Errors cross as plain data (structured clone keeps neither class nor fields) and are rebuilt on the other side.
import { decodeBody } from './decode-body.ts'
import { EmHttpError, EmParseError } from './errors.ts'
import { PAGE_PARSERS, type PageParserName } from './page-parsers.ts'
import type { WireFormat } from './wire-format.ts'

export interface DecodeRequest {
  id: number
  text: string
  format: WireFormat
  path: string
  /** Parse the decoded body with this page parser too, and answer the parsed page. */
  parser?: PageParserName
}

/** decodeBody, then the named page parser when there is one; throws as they do. */
export function decodeAndParse(request: Omit<DecodeRequest, 'id'>): unknown {
  const doc = decodeBody(request.text, request.format, request.path)
  return request.parser === undefined ? doc : PAGE_PARSERS[request.parser](doc)
}

export type DecodeFailure =
  | { kind: 'http'; status: number; emMessage: string | null; path: string }
  | { kind: 'parse'; message: string; excerpt: string | null }
  | { kind: 'other'; message: string }

export type DecodeReply =
  | { id: number; ok: true; doc: unknown }
  | { id: number; ok: false; error: DecodeFailure }

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
