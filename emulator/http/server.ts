import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { Duplex } from 'node:stream'
import { CONTROL_PREFIX } from '../control/control-surface.ts'
import type { FaultState } from '../control/fault-state.ts'
import type { RequestStats } from '../control/request-stats.ts'
import type { EmContext } from '../handlers/context.ts'
import { fallbackError, respondError } from '../handlers/respond.ts'
import { reasonPhrase } from './reason-phrase.ts'
import { serveControl } from './serve-control.ts'
import { serveEm } from './serve-em.ts'
import { Waits } from './waits.ts'
import { writeResponse } from './write-response.ts'

export interface EmServerOptions {
  context: EmContext
  faults: FaultState
  stats: RequestStats
  /** Mounts `/__emulator/` (faults, reset, stats, config). */
  control: boolean
  tls?: { key: string; cert: string }
}

export interface EmServer {
  server: Server
  /** Stops listening and ends every connection, hung and delayed requests included. */
  close(): Promise<void>
}

function errorBytes(context: EmContext, status: number, message: string): Buffer {
  try {
    return respondError(context, 'xml', { status, message }).body
  } catch {
    return fallbackError('xml', status).body
  }
}

// A request Node cannot parse still gets an EM-style 400 with an Error body, then the connection closes.
function answerClientError(context: EmContext, error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy()
    return
  }
  const body = errorBytes(context, 400, `Malformed HTTP request (${error.code ?? 'parse error'}).`)
  const head = [
    `HTTP/1.1 400 ${reasonPhrase(400)}`,
    'Server: Microsoft-HTTPAPI/2.0',
    'Content-Type: application/xml',
    `Content-Length: ${body.length}`,
    'Connection: close',
  ]
  socket.end(Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1'), body]))
}

/** Wraps the emulator in node:http(s); nothing a client sends can crash it. */
export function createEmServer(options: EmServerOptions): EmServer {
  const { context, faults, stats } = options
  const waits = new Waits()
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    req.on('error', () => undefined)
    res.on('error', () => undefined)
    const serving =
      options.control && (req.url ?? '').startsWith(CONTROL_PREFIX)
        ? serveControl(req, res, { context, faults, stats })
        : serveEm(req, res, { context, faults, stats, waits })
    serving.catch(() => {
      if (res.headersSent || res.destroyed) res.destroy()
      else writeResponse(res, fallbackError('xml', 500))
    })
  }
  // A lenient parser: real EM (HTTP.sys) answers a logon sent with both Transfer-Encoding and Content-Length (§1).
  const server = options.tls
    ? createHttpsServer({ ...options.tls, insecureHTTPParser: true }, listener)
    : createHttpServer({ insecureHTTPParser: true }, listener)
  server.on('clientError', (error: Error & { code?: string }, socket: Duplex) =>
    answerClientError(context, error, socket),
  )
  return {
    server,
    close: () =>
      new Promise((resolve) => {
        waits.cancelAll()
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
