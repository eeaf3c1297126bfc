// `npm run serve`: the production server for the built app. The same EM proxy as `vite preview` (env, TLS,
// kiosk, coalescing, security headers with the CSP), in front of dist/ served by static-files.ts, plus what a
// service needs: /healthz and /readyz, /metrics on its own address (METRICS=1), JSON logs, and a graceful
// SIGTERM. Run it alone, or one or more copies behind nginx for TLS to the browsers (proxy/nginx/).
import { existsSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createEmProxy, type EmProxy, type ProxyLog } from './em-proxy.ts'
import { createDrain } from './graceful-shutdown.ts'
import { hostAllowed, readAllowedHosts, refuseHost } from './host-check.ts'
import { KEEP_ALIVE_TIMEOUT_MS, MAX_HEADER_BYTES } from './limits.ts'
import { createProxyLogger } from './log.ts'
import { createProxyMetrics } from './metrics.ts'
import { answerMetrics, type MetricsServer, startMetricsServer } from './metrics-server.ts'
import { readServiceEnv } from './service-env.ts'
import { serveStatic } from './static-files.ts'

export interface ServeOptions {
  /** The built app (default dist/). */
  root: string
  host: string
  port: number
  env?: Readonly<Record<string, string | undefined>>
  log?: ProxyLog
}

export interface RunningServer {
  server: Server
  url: string
  proxy: EmProxy
  /** Where /metrics answers when METRICS=1 (on this server's own URL when METRICS_ADDR names it). */
  metricsUrl: string | undefined
  /** SIGTERM's work: not ready any more, no new connections, requests in flight finished (bounded), kiosk logged off. */
  shutdown(): Promise<void>
  /** Stops at once (tests), cutting open connections. */
  close(): Promise<void>
}

/** Starts the proxy (and the emulator when EM_URL is unset) and the HTTP server; rejects on bad settings. */
export async function serve(options: ServeOptions): Promise<RunningServer> {
  const root = resolve(options.root)
  if (!existsSync(resolve(root, 'index.html'))) {
    throw new Error(`No built app in ${root}: run \`npm run build\` first.`)
  }
  const env = options.env ?? process.env
  const service = readServiceEnv(env)
  const log = options.log ?? createProxyLogger({ level: service.logLevel })
  const metrics = createProxyMetrics()
  const proxy = await createEmProxy({ contentSecurityPolicy: true, env, log, metrics })
  const files = serveStatic(root)
  const allowedHosts = readAllowedHosts(env.ALLOWED_HOSTS)
  // The operator may point METRICS_ADDR at the public address itself; then (only then) /metrics is served there.
  const metricsHere =
    service.metrics !== undefined &&
    service.metrics.port === options.port &&
    service.metrics.host === options.host &&
    options.port !== 0
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    drain.track(req, res)
    if (!hostAllowed(req.headers.host, allowedHosts)) refuseHost(res, req.headers.host)
    else if (!(metricsHere && answerMetrics(req, res, metrics.registry)))
      proxy.middleware(req, res, () => files(req, res))
  })
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS
  const drain = createDrain(server)
  await new Promise<void>((done, fail) => {
    server.once('error', fail)
    server.listen(options.port, options.host, () => done())
  })
  const address = server.address()
  const port = typeof address === 'object' && address !== null ? address.port : options.port
  const host = options.host.includes(':') ? `[${options.host}]` : options.host
  const url = `http://${host}:${port}`
  let metricsServer: MetricsServer | undefined
  if (service.metrics !== undefined) {
    metrics.collectProcessMetrics()
    if (!metricsHere) {
      metricsServer = await startMetricsServer(metrics.registry, service.metrics).catch(
        async (error: unknown) => {
          server.closeAllConnections()
          server.close()
          await proxy.close()
          throw error
        },
      )
    }
  }
  const metricsUrl = metricsHere ? `${url}/metrics` : metricsServer?.url

  let stopping: Promise<void> | null = null
  const shutdown = (): Promise<void> => {
    stopping ??= (async () => {
      proxy.readiness.drain()
      log.info(
        { event: 'shutdown' },
        `Shutting down: no new connections; finishing requests in flight (at most ${service.shutdownTimeoutMs} ms)`,
      )
      const { inFlight, cut } = await drain.drain(service.shutdownTimeoutMs)
      log.info(
        { event: 'drained', inFlight, cut },
        cut === 0
          ? `Finished the ${inFlight} request(s) in flight`
          : `Cut ${cut} of ${inFlight} request(s) still running after ${service.shutdownTimeoutMs} ms`,
      )
      await proxy.logOffKiosk()
      await metricsServer?.close()
      await proxy.close()
      log.info({ event: 'stopped' }, 'Stopped')
    })()
    return stopping
  }
  return {
    server,
    url,
    proxy,
    metricsUrl,
    shutdown,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((done) => server.close(() => done()))
      await metricsServer?.close()
      await proxy.close()
    },
  }
}

function portFrom(text: string | undefined): number {
  if (text === undefined || text === '') return 8080
  const port = Number(text)
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`PORT must be 0 to 65535 (got "${text}")`)
  return port
}

async function main(): Promise<void> {
  const log = createProxyLogger({ level: readServiceEnv(process.env).logLevel })
  const running = await serve({
    root: process.env.DIST_DIR ?? 'dist',
    host: process.env.HOST ?? '127.0.0.1',
    port: portFrom(process.env.PORT),
    log,
  })
  log.info({ event: 'listening', url: `${running.url}/` }, `Dashboard listening on ${running.url}/`)
  if (running.metricsUrl !== undefined) {
    log.info({ event: 'metrics', url: running.metricsUrl }, `Metrics on ${running.metricsUrl}`)
  }
  const stop = (signal: NodeJS.Signals) => {
    // A service manager may signal the whole process group (npm, tsx, node): the first signal starts the
    // shutdown, later ones only say so.
    log.info({ event: 'signal', signal }, `${signal} received`)
    running.shutdown().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ event: 'shutdown_failed' }, error instanceof Error ? error.message : String(error))
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error))
    process.exit(1)
  })
}
