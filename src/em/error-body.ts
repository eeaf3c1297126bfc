// EM's error body (em-api.md §8): XML `<Error StatusCode="400" Message="…"/>` or JSON {"StatusCode","Message"}.
// Neither the body nor the wording is contractual (§9.12): the status decides, the message is for humans.

import { isRecord } from './schemas.ts'
import { parseXml } from './xml.ts'

interface ErrorDocument {
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

/** The Error document a decoded body is, if it is one: an XML `Error` root, or JSON with StatusCode and Message. */
export function errorInDocument(doc: unknown): ErrorDocument | null {
  if (!isRecord(doc)) return null
  if ('Error' in doc && Object.keys(doc).length === 1) {
    const error = doc.Error
    return isRecord(error)
      ? { status: asStatus(error.StatusCode), message: asMessage(error.Message) }
      : emptyError()
  }
  if ('StatusCode' in doc && 'Message' in doc)
    return { status: asStatus(doc.StatusCode), message: asMessage(doc.Message) }
  return null
}

function emptyError(): ErrorDocument {
  return { status: null, message: null }
}

/** EM's Message from the body of a non-2xx answer, in either format; null when absent or unreadable. */
export function readErrorMessage(text: string): string | null {
  const body = text.replace(/^\uFEFF/, '').trim()
  try {
    if (body.startsWith('<')) return errorInDocument(parseXml(body))?.message ?? null
    if (body.startsWith('{')) {
      const doc: unknown = JSON.parse(body)
      return isRecord(doc) ? asMessage(doc.Message) : null
    }
  } catch {
    // An unreadable error body still leaves the status, which is what decides (§9.12).
  }
  return null
}
