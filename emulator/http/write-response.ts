import type { IncomingMessage, ServerResponse } from 'node:http'
import type { EmResponse } from '../handlers/handle.ts'
import { reasonPhrase } from './reason-phrase.ts'

/** Writes an EmResponse with EM's reason phrase and an explicit Content-Length, so Node never chunks (em-api.md §1). */
export function writeResponse(res: ServerResponse, response: EmResponse): void {
  const headers = { ...response.headers, 'Content-Length': String(response.body.length) }
  res.writeHead(response.status, reasonPhrase(response.status), headers)
  res.end(response.body)
}

/** Node's headers as EmRequest wants them: lower-case names, one string per header. */
export function headersOf(req: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {}
  for (const [name, value] of Object.entries(req.headers)) {
    headers[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return headers
}
