// The stack the browser figures drive: an emulator (--control), `vite preview` of the bench build with EM_URL
// pointing at it, and the system Chromium. Ports are free ones picked here.
import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { type Browser, chromium, type Page } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/browser.ts'
import { BENCH_DIST } from './bundle-bench.ts'
import { ROOT, type RunningEmulator, spawnEmulator } from './spawn-emulator.ts'

async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer()
      server.once('error', reject)
      server.listen(0, '127.0.0.1', () => {
        const address = server.address()
        const found = typeof address === 'object' && address ? address.port : 0
        server.close(() => resolve(found))
      })
    })
    if (port !== 0) return port
  }
}

async function waitForUrl(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with code ${child.exitCode}`)
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`)
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000)
    child.once('exit', () => {
      clearTimeout(force)
      done()
    })
    child.kill('SIGTERM')
  })
}

export interface BrowserStack {
  appUrl: string
  emulator: RunningEmulator
  browser: Browser
  /** The signed-in `em.session` value, injected into every page so each run starts signed in. */
  session: string
  /** A fresh page (own context: empty cache and storage) in the given wire format, signed in. */
  newPage(format: 'xml' | 'json'): Promise<Page>
  /** Returns a function reading the EM requests sent since this call (the emulator's own counters). */
  countRequests(): Promise<() => Promise<{ total: number; byPath: Record<string, number> }>>
  /** Moves the emulator's clock forward (it runs its jobs for that time on the next request). */
  advanceEmulatorClock(ms: number): Promise<void>
  /** How far the emulator's clock runs ahead of the real one, ms: the sum of every advance so far. */
  emulatorAheadMs(): number
  close(): Promise<void>
}

/** Starts emulator, preview (of BENCH_DIST, already built) and Chromium; signs in once through the UI. */
export async function startBrowserStack(emulatorArgs: readonly string[] = []): Promise<BrowserStack> {
  const emulator = await spawnEmulator(['--control', ...emulatorArgs])
  const emulatorUrl = new URL(emulator.baseUrl).origin
  let preview: ChildProcess | null = null
  let browser: Browser | null = null
  try {
    const port = await freePort()
    const appUrl = `http://127.0.0.1:${port}`
    preview = spawn(
      process.execPath,
      [
        join(ROOT, 'node_modules/vite/bin/vite.js'),
        'preview',
        '--outDir',
        BENCH_DIST,
        '--port',
        String(port),
        '--strictPort',
      ],
      { cwd: ROOT, env: { ...process.env, EM_URL: emulatorUrl }, stdio: ['ignore', 'ignore', 'inherit'] },
    )
    await waitForUrl(`${appUrl}/dashboard-config.json`, preview, 60_000)
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
    const session = await signIn(browser, appUrl)
    const running = { preview, browser }
    const control = `${emulatorUrl}/__emulator/`
    let aheadMs = 0
    return {
      appUrl,
      emulator,
      browser,
      session,
      async newPage(format) {
        const context = await running.browser.newContext({
          baseURL: appUrl,
          viewport: { width: 1440, height: 900 },
        })
        await context.addInitScript(
          ([stored, f]) => {
            sessionStorage.setItem('em.session', stored ?? '')
            localStorage.setItem('em.format', f ?? 'xml')
          },
          [session, format],
        )
        return context.newPage()
      },
      async countRequests() {
        // /__emulator/reset would also sign everyone out, so count by difference instead.
        const before = await requestCounts(control)
        return async () => {
          const after = await requestCounts(control)
          const byPath = Object.fromEntries(
            Object.entries(after.byPath)
              .map(([path, n]): [string, number] => [path, n - (before.byPath[path] ?? 0)])
              .filter(([, n]) => n > 0),
          )
          return { total: after.total - before.total, byPath }
        }
      },
      async advanceEmulatorClock(ms) {
        const response = await fetch(`${control}clock`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ advanceSeconds: ms / 1000 }),
        })
        if (!response.ok)
          throw new Error(`the emulator's clock did not move: ${response.status} ${await response.text()}`)
        aheadMs += ms
      },
      emulatorAheadMs: () => aheadMs,
      async close() {
        await running.browser.close().catch(() => undefined)
        await stop(running.preview)
        await emulator.close()
      },
    }
  } catch (error) {
    await browser?.close().catch(() => undefined)
    if (preview) await stop(preview)
    await emulator.close()
    throw error
  }
}

async function requestCounts(control: string): Promise<{ total: number; byPath: Record<string, number> }> {
  const stats: { requests: { total: number; byPath: Record<string, number> } } = await (
    await fetch(`${control}stats`)
  ).json()
  return stats.requests
}

async function signIn(browser: Browser, appUrl: string): Promise<string> {
  const context = await browser.newContext({ baseURL: appUrl })
  try {
    const page = await context.newPage()
    await page.goto('/sign-in')
    await page.getByLabel('User name').fill('admin')
    await page.getByLabel('Password').fill('admin')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(/\/sessions/)
    const stored = await page.evaluate(() => sessionStorage.getItem('em.session'))
    if (!stored) throw new Error('signed in, but no em.session in sessionStorage')
    return stored
  } finally {
    await context.close()
  }
}
