import type { ServerResponse } from 'node:http'
import { apiSecurityHeaders, setHeaders } from './security-headers.ts'

/** Answers with a small JSON document the proxy made itself (errors, config), never cached. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  extraHeaders: Readonly<Record<string, string>> = {},
): void {
  const bytes = Buffer.from(JSON.stringify(body), 'utf8')
  setHeaders(res, apiSecurityHeaders)
  setHeaders(res, extraHeaders)
  res.setHeader('Content-Type', 'application/json')
  res.setHeader('Content-Length', String(bytes.length))
  res.setHeader('Cache-Control', 'no-store')
  res.statusCode = status
  res.end(res.req.method === 'HEAD' ? undefined : bytes)
}
