// A page on Playwright's fake clock, for figures that need hours of refreshes in minutes: time still flows, and
// advance() jumps it forward a step at a time, letting each step's requests finish before the next.
import type { Page } from '@playwright/test'
import type { BrowserStack } from './browser-stack.ts'

declare global {
  interface Window {
    benchPendingFetches: number
    benchApiFetches: Record<string, number>
    /** When each /api URL was asked for (the page's clock, ms). */
    benchApiTimes: Record<string, number[]>
    benchTimers: () => { timeouts: number; intervals: number }
  }
}

// Runs after the fake clock is in place: counts fetches whose body is not read yet, and live timers.
function instrument() {
  window.benchPendingFetches = 0
  window.benchApiFetches = {}
  window.benchApiTimes = {}
  const realFetch = window.fetch.bind(window)
  window.fetch = async (...args: Parameters<typeof fetch>) => {
    window.benchPendingFetches += 1
    const url = String(args[0] instanceof Request ? args[0].url : args[0])
    if (url.includes('/api/')) {
      window.benchApiFetches[url] = (window.benchApiFetches[url] ?? 0) + 1
      window.benchApiTimes[url] = [...(window.benchApiTimes[url] ?? []), Date.now()]
    }
    try {
      const response = await realFetch(...args)
      const text = await response.text()
      const body = [101, 204, 205, 304].includes(response.status) ? null : text
      return new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      })
    } finally {
      window.benchPendingFetches -= 1
    }
  }
  const timeouts = new Set<unknown>()
  const intervals = new Set<unknown>()
  const { setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci } = window
  window.setTimeout = ((handler: TimerHandler, ms?: number, ...rest: unknown[]) => {
    const id: unknown = st(
      (...args: unknown[]) => {
        timeouts.delete(id)
        if (typeof handler === 'function') handler(...args)
      },
      ms,
      ...rest,
    )
    timeouts.add(id)
    return id
  }) as typeof window.setTimeout
  window.setInterval = ((handler: TimerHandler, ms?: number, ...rest: unknown[]) => {
    const id = si(handler, ms, ...rest)
    intervals.add(id)
    return id
  }) as typeof window.setInterval
  // Browsers let either clear function clear either kind of timer. (No local functions here: tsx would wrap
  // them in a naming helper that does not exist in the page.)
  window.clearTimeout = (id) => {
    timeouts.delete(id)
    intervals.delete(id)
    ct(id)
  }
  window.clearInterval = (id) => {
    timeouts.delete(id)
    intervals.delete(id)
    ci(id)
  }
  window.benchTimers = () => ({ timeouts: timeouts.size, intervals: intervals.size })
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls (in real time, from Node) until the page says true. */
export async function until(page: Page, check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await page.evaluate(check))) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${check}`)
    await sleep(10)
  }
}

export interface ClockedPage {
  page: Page
  /** Moves the page's clock forward by ms, then waits until every fetch it started has its body. */
  advance(ms: number): Promise<void>
  /** How many times the page has asked EM for its most-asked URL: its refreshes so far. */
  refreshes(): Promise<number>
}

/** Opens url with the instrumentation; on the fake clock unless `realTime` (then advance() only waits). */
export async function openClocked(stack: BrowserStack, url: string, realTime = false): Promise<ClockedPage> {
  const page = await stack.newPage('xml')
  if (!realTime) await page.clock.install()
  await page.addInitScript(instrument)
  await page.goto(url)
  const settle = async () => {
    await until(page, () => window.benchPendingFetches === 0)
    await sleep(5) // the parse and render that follow the last body
  }
  await settle()
  return {
    page,
    async advance(ms) {
      if (realTime) await sleep(ms)
      else await page.clock.runFor(ms)
      await settle()
    },
    refreshes: () => page.evaluate(() => Math.max(0, ...Object.values(window.benchApiFetches))),
  }
}
