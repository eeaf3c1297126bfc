import type { EmResponse } from '../handlers/handle.ts'
import { SERVER_HEADER } from '../handlers/respond.ts'
import type { EmFormat } from '../serialize/render.ts'
import type { MalformedKind } from './fault-spec.ts'

function bytes(status: number, contentType: string, body: Buffer): EmResponse {
  return {
    status,
    headers: { Server: SERVER_HEADER, 'Content-Type': contentType, 'Content-Length': String(body.length) },
    body,
  }
}

// A proper prefix of an XML document or a JSON object is never well-formed, so half the body always breaks.
function truncated(body: Buffer, whenEmpty: string): Buffer {
  const text = body.toString('utf8').trimEnd()
  const source = text === '' ? whenEmpty : text
  return Buffer.from(source.slice(0, Math.max(1, Math.floor(source.length / 2))), 'utf8')
}

const WRONG_SHAPE: Record<EmFormat, string> = {
  xml: '<?xml version="1.0" encoding="utf-8"?>\n<Unexpected xmlns="http://www.veeam.com/ent/v1.0"><Item Name="not what you asked for" /></Unexpected>',
  json: '{"Unexpected":{"Items":"not what you asked for"}}',
}

const ERROR_200: Record<EmFormat, string> = {
  xml: '<?xml version="1.0" encoding="utf-8"?>\n<Error xmlns="http://www.veeam.com/ent/v1.0" StatusCode="500" Message="Injected failure inside a 200 answer." />',
  json: '{"StatusCode":500,"Message":"Injected failure inside a 200 answer."}',
}

// What a reverse proxy or captive portal in front of EM might answer.
const HTML_PAGE =
  '<!DOCTYPE html><html><head><title>Service Unavailable</title></head><body><h1>Service Unavailable</h1><p>The gateway could not reach the server.</p></body></html>'

/**
 * Replaces an answer with a broken one. `truncated-xml` and `invalid-json` cut the XML resp. JSON rendering of the
 * real answer (the caller renders it in that format); the others keep the status but swap the body.
 */
export function malform(kind: MalformedKind, real: EmResponse, format: EmFormat): EmResponse {
  switch (kind) {
    case 'truncated-xml':
      return bytes(real.status, 'application/xml', truncated(real.body, ERROR_200.xml))
    case 'invalid-json':
      return bytes(real.status, 'application/json', truncated(real.body, ERROR_200.json))
    case 'wrong-shape':
      return bytes(real.status, contentTypeOf(format), Buffer.from(WRONG_SHAPE[format], 'utf8'))
    case 'error-200':
      return bytes(200, contentTypeOf(format), Buffer.from(ERROR_200[format], 'utf8'))
    case 'html':
      return bytes(real.status, 'text/html', Buffer.from(HTML_PAGE, 'utf8'))
  }
}

/** The format `truncated-xml`/`invalid-json` must render the real answer in before cutting it. */
export function renderFormatFor(kind: MalformedKind, requested: EmFormat): EmFormat {
  if (kind === 'truncated-xml') return 'xml'
  if (kind === 'invalid-json') return 'json'
  return requested
}

function contentTypeOf(format: EmFormat): string {
  return format === 'json' ? 'application/json' : 'application/xml'
}
