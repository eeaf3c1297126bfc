// GET /metrics in Prometheus' text format, on its own listen address (METRICS_ADDR, loopback by default), so the
// figures of a proxy never reach the browsers' port unless the operator points METRICS_ADDR at it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Registry } from 'prom-client'

/** Answers GET or HEAD /metrics from `registry`; true when it answered (any other path is not its business). */
export function answerMetrics(req: IncomingMessage, res: ServerResponse, registry: Registry): boolean {
  const path = (req.url ?? '/').split('?')[0]
  if (path !== '/metrics') return false
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' }).end('GET or HEAD only\n')
    return true
  }
  registry.metrics().then(
    (text) => {
      res.writeHead(200, {
        'Content-Type': registry.contentType,
        'Cache-Control': 'no-store',
        'Content-Length': Buffer.byteLength(text),
      })
      res.end(req.method === 'HEAD' ? undefined : text)
    },
    (error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error)
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end(`metrics failed: ${reason}\n`)
    },
  )
  return true
}

export type MetricsServer = { url: string; close(): Promise<void> }

/** Listens on `host:port` and serves only /metrics; rejects when the address is taken. */
export async function startMetricsServer(
  registry: Registry,
  address: { host: string; port: number },
): Promise<MetricsServer> {
  const server = createServer((req, res) => {
    if (!answerMetrics(req, res, registry)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Only /metrics here\n')
    }
  })
  await new Promise<void>((done, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      fail(
        new Error(
          `METRICS_ADDR ${address.host}:${address.port}: cannot listen (${error.code ?? error.message})`,
        ),
      ),
    )
    server.listen(address.port, address.host, () => done())
  })
  const bound = server.address()
  const port = typeof bound === 'object' && bound !== null ? bound.port : address.port
  const host = address.host.includes(':') ? `[${address.host}]` : address.host
  return {
    url: `http://${host}:${port}/metrics`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}
