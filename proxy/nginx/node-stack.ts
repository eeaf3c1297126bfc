// Copies of `npm run serve` in kiosk mode against the emulator (--control), optionally behind the shipped
// em-replica-dashboard-node.conf in Debian's nginx: the deployment the README describes, for the two-copies test
// and the bench. Each copy reaches the emulator through a recorder of its own, so EM's load can be told apart by
// copy and by query. Everything started here is stopped by close().
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, request, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { Writable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { defaultEmulatorCommand, launchEmulator, type RunningEmulator } from '../emulator-launcher.ts'
import {
  freePort,
  type RunningNginx,
  SITE_NAME,
  siteConfig,
  startNginx,
  waitForPort,
} from './nginx-process.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const SHIPPED = readFileSync(new URL('./em-replica-dashboard-node.conf', import.meta.url), 'utf8')
export const STACK_KEY = '5c8e1f4a9b2d7e3c6a0f8b1d4e7a2c9f5b3e8d1a6c4f7b2e'

/** One request that reached EM, and which copy sent it. */
export type EmRequest = { copy: number; method: string; url: string; at: number }

export type ServeCopy = {
  port: number
  /** Every line the copy printed (JSON log lines). */
  lines: string[]
  start(): Promise<void>
  /** Signals the copy's process group and resolves once it has exited and its port is closed. */
  stop(signal: 'SIGTERM' | 'SIGKILL'): Promise<void>
}

export type NodeStack = {
  copies: ServeCopy[]
  /** nginx in front of the copies (undefined when started without it). */
  nginx: RunningNginx | undefined
  emulator: RunningEmulator
  emRequests: EmRequest[]
  close(): Promise<void>
}

/** Forwards everything to the emulator, writing down each request with `copy`. */
async function startRecorder(
  copy: number,
  target: URL,
  log: EmRequest[],
): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    log.push({ copy, method: req.method ?? '', url: req.url ?? '', at: Date.now() })
    const upstream = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      },
    )
    upstream.on('error', () => res.destroy())
    req.pipe(upstream)
  })
  const port = await freePort()
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', () => done()))
  return { server, port }
}

function serveCopy(options: {
  port: number
  emUrl: string
  dist: string
  extraEnv: Record<string, string>
}): ServeCopy {
  let child: ChildProcess | undefined
  const lines: string[] = []
  const copy: ServeCopy = {
    port: options.port,
    lines,
    async start() {
      // `npm run serve` itself, in a process group of its own so a signal reaches npm, tsx and node alike.
      child = spawn('npm', ['run', '--silent', 'serve'], {
        cwd: ROOT,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          EM_URL: options.emUrl,
          EM_KIOSK_USER: 'admin',
          EM_KIOSK_PASSWORD: 'admin',
          EM_KIOSK_KEY: STACK_KEY,
          TRUSTED_PROXIES: '127.0.0.1',
          ALLOWED_HOSTS: SITE_NAME,
          HOST: '127.0.0.1',
          PORT: String(options.port),
          DIST_DIR: options.dist,
          ...options.extraEnv,
        },
      })
      for (const stream of [child.stdout, child.stderr]) {
        if (stream) createInterface({ input: stream }).on('line', (line) => lines.push(line))
      }
      await waitForPort(options.port, 60_000)
      // Ready: EM answered and the kiosk session is signed in.
      const until = Date.now() + 30_000
      while ((await readyz(options.port)) !== 200) {
        if (Date.now() > until)
          throw new Error(`copy on ${options.port} not ready: ${lines.slice(-5).join('\n')}`)
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
    },
    async stop(signal) {
      const running = child
      if (running?.pid === undefined || running.exitCode !== null || running.signalCode !== null) return
      // 'close', not 'exit': every line the copy printed has been read by then.
      const exited = new Promise((resolve) => running.once('close', resolve))
      process.kill(-running.pid, signal)
      await exited
      await waitForClosed(options.port)
    },
  }
  return copy
}

/**
 * Asks every copy every path once, directly and in turn, with the kiosk key: the caches are warm, as on walls that
 * have been up a while (a cold first answer can take seconds on a loaded machine). Throws on anything but 200.
 */
export async function warmCopies(
  stack: NodeStack,
  paths: readonly string[],
  intervalS: number,
): Promise<void> {
  for (const copy of stack.copies) {
    for (const path of paths) {
      const status = await new Promise<number>((resolve, reject) => {
        const headers = {
          Accept: 'application/xml',
          'X-Kiosk-Key': STACK_KEY,
          'X-Refresh-Interval': String(intervalS),
        }
        const req = request({ host: '127.0.0.1', port: copy.port, path, headers, agent: false }, (res) => {
          res.resume()
          res.on('end', () => resolve(res.statusCode ?? 0))
        })
        req.on('error', reject)
        req.end()
      })
      if (status !== 200) throw new Error(`warming copy on ${copy.port}: ${status} for ${path}`)
    }
  }
}

function readyz(port: number): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/readyz', agent: false }, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on('error', () => resolve(0))
    req.end()
  })
}

async function waitForClosed(port: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await readyz(port)) === 0) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Starts the emulator, `copies` copies of `npm run serve` in kiosk mode and, unless `nginx: false`, nginx. */
export async function startNodeStack(options: {
  copies: number
  nginx?: boolean
  emulatorArgs?: readonly string[]
  /** More variables for every copy, e.g. METRICS. */
  env?: Record<string, string>
}): Promise<NodeStack> {
  const cleanups: Array<() => Promise<void> | void> = []
  const close = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  }
  try {
    const emulator = await launchEmulator({
      command: defaultEmulatorCommand(['--control', ...(options.emulatorArgs ?? [])]),
      output: new Writable({ write: (_chunk, _encoding, done) => done() }),
    })
    cleanups.push(() => emulator.stop())
    const dist = mkdtempSync(join(tmpdir(), 'em-stack-dist-'))
    cleanups.push(() => rmSync(dist, { recursive: true, force: true }))
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>dashboard</title>')
    const emRequests: EmRequest[] = []
    const copies: ServeCopy[] = []
    for (let i = 0; i < options.copies; i++) {
      const recorder = await startRecorder(i, emulator.baseUrl, emRequests)
      cleanups.push(
        () =>
          new Promise<void>((done) => {
            recorder.server.closeAllConnections()
            recorder.server.close(() => done())
          }),
      )
      const copy = serveCopy({
        port: await freePort(),
        emUrl: `http://127.0.0.1:${recorder.port}`,
        dist,
        extraEnv: options.env ?? {},
      })
      cleanups.push(() => copy.stop('SIGKILL'))
      copies.push(copy)
    }
    await Promise.all(copies.map((copy) => copy.start()))
    let nginx: RunningNginx | undefined
    if (options.nginx !== false) {
      const upstreams = copies
        .map((copy) => `    server 127.0.0.1:${copy.port} max_fails=3 fail_timeout=10s;`)
        .join('\n')
      nginx = await startNginx((port, dir) =>
        siteConfig(SHIPPED, {
          'listen 443 ssl;': `listen 127.0.0.1:${port} ssl;`,
          'server_name dashboard.example.com;': `server_name ${SITE_NAME};`,
          '/etc/ssl/certs/dashboard.example.com.pem': join(dir, 'site.pem'),
          '/etc/ssl/private/dashboard.example.com.key': join(dir, 'site.key'),
          '    server 127.0.0.1:8081 max_fails=3 fail_timeout=10s;\n    server 127.0.0.1:8082 max_fails=3 fail_timeout=10s;':
            upstreams,
        }),
      )
      const started = nginx
      cleanups.push(() => started.stop())
    }
    return { copies, nginx, emulator, emRequests, close }
  } catch (error) {
    await close()
    throw error
  }
}
