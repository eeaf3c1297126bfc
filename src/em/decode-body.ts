// Body text → plain data, before any schema: JSON.parse after the BOM, or the shared XML parser.

import { errorInDocument } from './error-body.ts'
import { EmHttpError, EmParseError } from './errors.ts'
import type { WireFormat } from './wire-format.ts'
import { parseXml } from './xml.ts'

const HTML = /^\s*<(!doctype\s+html|html[\s>])/i

/**
 * Decodes an EM body in the given format; throws EmParseError on malformed or HTML bodies and EmHttpError
 * when a 2xx body is an EM Error document. `path` only labels that error.
 */
export function decodeBody(text: string, format: WireFormat, path = ''): unknown {
  // EM 9.5 began JSON with a UTF-8 BOM (em-api.md §1, §9.4); a tolerant client strips it in both formats.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text
  if (HTML.test(body)) {
    throw new EmParseError('Enterprise Manager answered with an HTML page, not XML or JSON', body)
  }
  if (body.trim() === '') {
    throw new EmParseError(`Enterprise Manager sent an empty body where ${format.toUpperCase()} was expected`)
  }
  const doc = format === 'json' ? parseJson(body) : parseXml(body)
  const error = errorInDocument(doc)
  if (error) throw new EmHttpError(error.status ?? 500, error.message, path)
  return doc
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new EmParseError(`Enterprise Manager sent malformed JSON: ${reason}`, body)
  }
}
