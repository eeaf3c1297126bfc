// Helpers for the proxy's tests: loopback servers on port 0 and clients that show exactly what crossed the wire.
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { connect } from 'node:net'
import { createEmProxy, type EmProxy, type EmProxyOptions } from './em-proxy.ts'
import type { LogFields, LogMethod, ProxyLog } from './log.ts'
import { pageSecurityHeaders } from './security-headers.ts'

/** Listens on 127.0.0.1 and a free port; resolves with the port. */
export function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      if (address === null || typeof address === 'string') reject(new Error('no port'))
      else resolve(address.port)
    })
  })
}

/** Closes a server, cutting any open connections. */
export function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
}

export type SeenRequest = { method: string; url: string; headers: IncomingMessage['headers']; body: Buffer }

/** A fake EM that records each request (and every byte that reached it, `raw()`) and answers through `answer`. */
export async function startFakeEm(answer: (req: SeenRequest, res: ServerResponse) => void) {
  const seen: SeenRequest[] = []
  const bytes: Buffer[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const record = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      }
      seen.push(record)
      answer(record, res)
    })
  })
  server.on('connection', (socket) => socket.on('data', (chunk: Buffer) => bytes.push(chunk)))
  const port = await listen(server)
  const raw = () => Buffer.concat(bytes).toString('latin1')
  return { server, port, seen, raw, url: `http://127.0.0.1:${port}` }
}

/** The proxy middleware in a plain node:http server; `next()` answers "from app". */
export async function startProxy(options: EmProxyOptions) {
  const proxy: EmProxy = await createEmProxy(options)
  const server = createServer((req, res) =>
    proxy.middleware(req, res, () => {
      res.setHeader('Content-Type', 'text/plain')
      res.end('from app')
    }),
  )
  const port = await listen(server)
  return {
    proxy,
    port,
    close: async () => {
      await close(server)
      await proxy.close()
    },
  }
}

export type Answer = {
  status: number
  statusMessage: string
  rawHeaders: string[]
  headers: IncomingMessage['headers']
  body: Buffer
}

/** One request without connection reuse; resolves with everything the client saw. */
export function send(
  port: number,
  path: string,
  init: {
    method?: string
    headers?: Record<string, string>
    body?: string | Buffer
    /** HTTPS, trusting only `ca`, for a server that answers as `servername`. */
    tls?: { ca: string | Buffer; servername: string }
    /** The client's own address, e.g. 127.0.0.7: any 127/8 address reaches a server on 127.0.0.1. */
    localAddress?: string
  } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const options = {
      host: '127.0.0.1',
      port,
      path,
      method: init.method ?? 'GET',
      headers: init.headers,
      agent: false,
      ...(init.localAddress === undefined ? {} : { localAddress: init.localAddress }),
    }
    const req = init.tls ? httpsRequest({ ...options, ...init.tls }) : request(options)
    req.on('response', (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          statusMessage: res.statusMessage ?? '',
          rawHeaders: res.rawHeaders,
          headers: res.headers,
          body: Buffer.concat(chunks),
        }),
      )
    })
    req.on('error', reject)
    req.end(init.body)
  })
}

/** Writes a raw request line, for targets a well-behaved client refuses to send; resolves with status and body. */
export function sendRaw(port: number, requestLine: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('latin1')
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0)
      resolve({ status, body: text.slice(text.indexOf('\r\n\r\n') + 4) })
    })
    socket.write(`${requestLine}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`, 'latin1')
  })
}

/** What came back on one raw connection: every response's status in order, and all the bytes as text. */
export type Exchange = { statuses: number[]; text: string }

/**
 * Writes `bytes` exactly as given on one connection (framing tricks a well-behaved client would never send) and
 * collects what comes back until the server closes or stays quiet for `quietMs`.
 */
export function exchange(
  port: number,
  bytes: string | Buffer,
  options: { quietMs?: number; localAddress?: string } = {},
): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1', localAddress: options.localAddress })
    const chunks: Buffer[] = []
    let quiet: NodeJS.Timeout | undefined
    const done = () => {
      clearTimeout(quiet)
      socket.destroy()
      const text = Buffer.concat(chunks).toString('latin1')
      const statuses = [...text.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((match) => Number(match[1]))
      resolve({ statuses, text })
    }
    const wait = () => {
      clearTimeout(quiet)
      quiet = setTimeout(done, options.quietMs ?? 500)
    }
    socket.on('connect', () => {
      socket.write(bytes)
      wait()
    })
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk)
      wait()
    })
    socket.on('end', done)
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // A server that answers and then resets the rest of a refused request is fine: keep what came back.
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') done()
      else reject(error)
    })
  })
}

/** A log that keeps its lines for assertions: event lines by level, request lines (request-observer.ts) apart, and every call with its fields in `events`. */
export function memoryLog() {
  const lines = { debug: [] as string[], info: [] as string[], warn: [] as string[], error: [] as string[] }
  const requests: LogFields[] = []
  const events: Array<{ level: keyof typeof lines; line: string; fields: LogFields }> = []
  const method =
    (level: keyof typeof lines): LogMethod =>
    (first: string | LogFields, line?: string) => {
      const fields = typeof first === 'string' ? {} : first
      const text = typeof first === 'string' ? first : (line ?? '')
      events.push({ level, line: text, fields })
      if (fields.event === 'request') requests.push(fields)
      else lines[level].push(text)
    }
  const log: ProxyLog = {
    debug: method('debug'),
    info: method('info'),
    warn: method('warn'),
    error: method('error'),
  }
  return { lines, requests, events, log }
}

/** The page security headers an answer carries, by the names pageSecurityHeaders() uses, to compare with it. */
export function securityHeadersOf(headers: IncomingMessage['headers']): Record<string, unknown> {
  const names = Object.keys(pageSecurityHeaders({ contentSecurityPolicy: true }))
  return Object.fromEntries(names.map((name) => [name, headers[name.toLowerCase()]]))
}
