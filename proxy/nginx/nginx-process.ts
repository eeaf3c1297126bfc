// Debian's nginx on a loopback port, for tests and the bench: a throwaway prefix directory, a site certificate for
// `dashboard.test`, and the shipped site file with its CHANGE: values replaced. Stopped by whoever started it.
import { type ChildProcess, spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { connect, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generate } from 'selfsigned'

export const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path))
export const SITE_NAME = 'dashboard.test'

export type RunningNginx = { port: number; ca: Buffer; dir: string; stop(): Promise<void> }

/** A free loopback port (closed again at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const found = typeof address === 'object' && address !== null ? address.port : 0
      probe.close(() => resolve(found))
    })
  })
}

/** Resolves once something accepts connections on `port`. */
export function waitForPort(port: number, ms: number): Promise<void> {
  const until = Date.now() + ms
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = connect(port, '127.0.0.1')
      socket.once('connect', () => {
        socket.destroy()
        resolve()
      })
      socket.once('error', () => {
        socket.destroy()
        if (Date.now() > until) reject(new Error(`nothing listens on ${port} after ${ms} ms`))
        else setTimeout(attempt, 50)
      })
    }
    attempt()
  })
}

/** The shipped file with every CHANGE: value replaced; throws if a value is no longer in it (the file changed). */
export function siteConfig(shipped: string, values: Record<string, string>): string {
  let text = shipped
  for (const [from, to] of Object.entries(values)) {
    if (!text.includes(from)) throw new Error(`the shipped nginx file no longer contains ${from}`)
    text = text.replaceAll(from, to)
  }
  return text
}

/**
 * Starts nginx with `site(port, dir)` (the site file, given the port it must listen on and the prefix directory
 * holding site.pem and site.key) as its only site; resolves once it listens.
 */
export async function startNginx(site: (port: number, dir: string) => string): Promise<RunningNginx> {
  if (NGINX === undefined) {
    throw new Error(
      'nginx is not installed: on Debian or Ubuntu run `apt-get install -y nginx` (.ci/run does).',
    )
  }
  const dir = mkdtempSync(join(tmpdir(), 'em-nginx-'))
  // nginx's workers may run as another user: everything they read must be readable by them.
  chmodSync(dir, 0o755)
  const pems = await generate([{ name: 'commonName', value: SITE_NAME }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: SITE_NAME }] }],
  })
  writeFileSync(join(dir, 'site.pem'), pems.cert)
  writeFileSync(join(dir, 'site.key'), pems.private)
  const port = await freePort()
  writeFileSync(join(dir, 'site.conf'), site(port, dir))
  const temp = (name: string) => join(dir, name)
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      // As root the workers would become "nobody"; keep them as the test's user.
      process.getuid?.() === 0 ? 'user root;' : '',
      'worker_processes 1;',
      `error_log ${temp('error.log')} warn;`,
      `pid ${temp('nginx.pid')};`,
      'events { worker_connections 1024; }',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      `  access_log ${temp('access.log')};`,
      `  client_body_temp_path ${temp('body')}; proxy_temp_path ${temp('proxy')};`,
      `  fastcgi_temp_path ${temp('fastcgi')}; uwsgi_temp_path ${temp('uwsgi')}; scgi_temp_path ${temp('scgi')};`,
      `  include ${join(dir, 'site.conf')};`,
      '}',
    ].join('\n'),
  )
  const nginx: ChildProcess = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  nginx.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const exited = new Promise<never>((_, reject) =>
    nginx.once('exit', (code) => reject(new Error(`nginx exited (${code}): ${stderr}`))),
  )
  exited.catch(() => undefined)
  try {
    await Promise.race([waitForPort(port, 10_000), exited])
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
  return {
    port,
    ca: readFileSync(join(dir, 'site.pem')),
    dir,
    stop: async () => {
      if (nginx.pid !== undefined && nginx.exitCode === null && nginx.signalCode === null) {
        const stopped = new Promise((resolve) => nginx.once('exit', resolve))
        process.kill(nginx.pid, 'SIGQUIT')
        await stopped
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
