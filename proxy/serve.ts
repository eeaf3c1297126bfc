// `npm run serve`: the production server for the built app. The same EM proxy as `vite preview` (env, TLS,
// kiosk, coalescing, security headers with the CSP), in front of dist/ served by static-files.ts. Run it alone,
// or behind nginx for TLS to the browsers (proxy/nginx/).
import { existsSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createEmProxy, type EmProxy, type ProxyLog } from './em-proxy.ts'
import { hostAllowed, readAllowedHosts, refuseHost } from './host-check.ts'
import { MAX_HEADER_BYTES } from './limits.ts'
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
  close(): Promise<void>
}

/** Starts the proxy (and the emulator when EM_URL is unset) and the HTTP server; rejects on bad settings. */
export async function serve(options: ServeOptions): Promise<RunningServer> {
  const root = resolve(options.root)
  if (!existsSync(resolve(root, 'index.html'))) {
    throw new Error(`No built app in ${root}: run \`npm run build\` first.`)
  }
  const proxy = await createEmProxy({
    contentSecurityPolicy: true,
    ...(options.env ? { env: options.env } : {}),
    ...(options.log ? { log: options.log } : {}),
  })
  const files = serveStatic(root)
  const allowedHosts = readAllowedHosts((options.env ?? process.env).ALLOWED_HOSTS)
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    if (hostAllowed(req.headers.host, allowedHosts)) proxy.middleware(req, res, () => files(req, res))
    else refuseHost(res, req.headers.host)
  })
  await new Promise<void>((done, fail) => {
    server.once('error', fail)
    server.listen(options.port, options.host, () => done())
  })
  const address = server.address()
  const port = typeof address === 'object' && address !== null ? address.port : options.port
  const host = options.host.includes(':') ? `[${options.host}]` : options.host
  return {
    server,
    url: `http://${host}:${port}`,
    proxy,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((done) => server.close(() => done()))
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
  const running = await serve({
    root: process.env.DIST_DIR ?? 'dist',
    host: process.env.HOST ?? '127.0.0.1',
    port: portFrom(process.env.PORT),
  })
  console.info(`Dashboard listening on ${running.url}/`)
  const stop = () => {
    void running.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error))
    process.exit(1)
  })
}
