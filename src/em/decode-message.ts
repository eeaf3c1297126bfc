// The messages between decode-off-thread.ts and its worker: a body to decode, and the document or the error back.
// Errors cross as plain data (structured clone keeps neither class nor fields) and are rebuilt on the other side.
import { isRecord } from '@/lib/is-record.ts'
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
  /** `more`: how many `DecodeItems` messages follow with the rest of the page's items. */
  { id: number; ok: true; doc: unknown; more?: number } | { id: number; ok: false; error: DecodeFailure }

/** More items of the page a `DecodeReply` started, in order. */
export interface DecodeItems {
  id: number
  part: unknown[]
}

export type DecodeMessage = DecodeReply | DecodeItems

// The main thread unpacks each message (a structured clone) in one task: a 1,000-session page in one message cost
// it 20-40 ms in one piece; a hundred sessions a message keeps each piece to a few.
export const ITEMS_PER_MESSAGE = 100

/** The messages that answer a request: the reply, its page's items spread over several when there are many. */
export function answerMessages(request: DecodeRequest): DecodeMessage[] {
  const reply = answerDecodeRequest(request)
  if (!reply.ok || !isRecord(reply.doc) || !Array.isArray(reply.doc.items)) return [reply]
  const items: unknown[] = reply.doc.items
  if (items.length <= ITEMS_PER_MESSAGE) return [reply]
  const rest: DecodeItems[] = []
  for (let at = ITEMS_PER_MESSAGE; at < items.length; at += ITEMS_PER_MESSAGE)
    rest.push({ id: reply.id, part: items.slice(at, at + ITEMS_PER_MESSAGE) })
  const doc = { ...reply.doc, items: items.slice(0, ITEMS_PER_MESSAGE) }
  return [{ ...reply, doc, more: rest.length }, ...rest]
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
