// The words in the body of a failed answer. Two authors write them:
// - EM: an `Error` document (em-api.md §16, §17.4): XML `<Error Message StatusCode Status>` with optional
//   `FirstChanceExceptionMessage` and `StackTrace` children, or JSON with all five keys, nulls included. The
//   emulator's two-field body of §8 is a subset. Neither body nor wording is contractual (§9.12): the status
//   decides, the message is for humans. A stack trace is never shown.
// - The dashboard's own proxy (proxy/json-response.ts): `{"error": "<code>", "message": "…"}` for kiosk 503s,
//   allowlist 403s and guard refusals (400, 405).

import { isRecord } from '@/lib/is-record.ts'
import { parseXml } from './xml.ts'

export interface ErrorWordsInBody {
  /** Whose words these are: EM's Error document, or the proxy's own refusal. */
  from: 'em' | 'proxy'
  status: number | null
  message: string | null
}

function asStatus(value: unknown): number | null {
  const status = typeof value === 'string' && /^\s*\d{3}\s*$/.test(value) ? Number(value) : value
  return typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599
    ? status
    : null
}

function asMessage(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
}

// EM's keys; any one of them marks a JSON object as EM's Error document.
const EM_KEYS = ['StatusCode', 'Message', 'Status', 'FirstChanceExceptionMessage', 'StackTrace'] as const

function fromEm(fields: Record<string, unknown>): ErrorWordsInBody {
  // Message is the sentence EM meant for people; the first-chance exception is the next best (§16's capture).
  const message = asMessage(fields.Message) ?? asMessage(fields.FirstChanceExceptionMessage)
  return { from: 'em', status: asStatus(fields.StatusCode), message }
}

/** The Error document a decoded body is, if it is one: an XML `Error` root, or JSON in EM's error shape. */
export function errorInDocument(doc: unknown): ErrorWordsInBody | null {
  if (!isRecord(doc)) return null
  if ('Error' in doc && Object.keys(doc).length === 1) {
    return fromEm(isRecord(doc.Error) ? doc.Error : {})
  }
  // A 2xx body is data unless it is clearly an error: StatusCode with either of the message keys.
  if ('StatusCode' in doc && ('Message' in doc || 'FirstChanceExceptionMessage' in doc)) return fromEm(doc)
  return null
}

function inJson(doc: unknown): ErrorWordsInBody | null {
  if (!isRecord(doc)) return null
  if (typeof doc.error === 'string' && 'message' in doc) {
    return { from: 'proxy', status: null, message: asMessage(doc.message) }
  }
  return EM_KEYS.some((key) => key in doc) ? fromEm(doc) : null
}

/** Whose words a non-2xx body holds, in either format; null when it holds none that can be read. */
export function readErrorBody(text: string): ErrorWordsInBody | null {
  const body = text.replace(/^\uFEFF/, '').trim()
  try {
    if (body.startsWith('<')) return errorInDocument(parseXml(body))
    if (body.startsWith('{')) return inJson(JSON.parse(body))
  } catch {
    // An unreadable error body still leaves the status, which is what decides (§9.12).
  }
  return null
}
