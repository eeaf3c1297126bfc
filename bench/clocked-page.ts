// A page on Playwright's fake clock, for figures that need hours of refreshes in minutes: time still flows, and
// advance() jumps it forward a step at a time, letting each step's requests finish before the next.
import type { Page } from '@playwright/test'
import type { BrowserStack } from './browser-stack.ts'

declare global {
  interface Window {
    benchPendingFetches: number
    /** Tells Node that the page asked for an /api URL, at the page's clock (ms). */
    benchApiFetched: (url: string, at: number) => Promise<void>
    benchTimers: () => { timeouts: number; cacheGcTimeouts: number; intervals: number }
  }
}

// Runs after the fake clock is in place: counts fetches whose body is not read yet, and live timers. What was
// asked when is kept in Node, not here: the wall's RPO tile asks a new URL every 5 minutes of its clock, and a
// record of them in the page grew the heap the soak measures by about 0.4 KB a URL (2,000 URLs in a week).
function instrument() {
  window.benchPendingFetches = 0
  const realFetch = window.fetch.bind(window)
  window.fetch = async (...args: Parameters<typeof fetch>) => {
    window.benchPendingFetches += 1
    const url = String(args[0] instanceof Request ? args[0].url : args[0])
    if (url.includes('/api/')) void window.benchApiFetched(url, Date.now())
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
  // TanStack Query's garbage-collection timers, one per query no screen uses any more, which fires after the
  // cache time (its default 5 minutes: src/app/query-client.ts sets no other) and removes the query. Their
  // number at a moment is how many query keys went out of use in the 5 minutes before it, which moves with the
  // phase of the wall's list pages and 5-minute lookups; counted apart so that the live timers show a leak.
  const cacheGcTimeouts = new Set<unknown>()
  const intervals = new Set<unknown>()
  const { setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci } = window
  window.setTimeout = ((handler: TimerHandler, ms?: number, ...rest: unknown[]) => {
    const id: unknown = st(
      (...args: unknown[]) => {
        timeouts.delete(id)
        cacheGcTimeouts.delete(id)
        if (typeof handler === 'function') handler(...args)
      },
      ms,
      ...rest,
    )
    if (ms === 300_000) cacheGcTimeouts.add(id)
    else timeouts.add(id)
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
    cacheGcTimeouts.delete(id)
    intervals.delete(id)
    ct(id)
  }
  window.clearInterval = (id) => {
    timeouts.delete(id)
    cacheGcTimeouts.delete(id)
    intervals.delete(id)
    ci(id)
  }
  window.benchTimers = () => ({
    timeouts: timeouts.size,
    cacheGcTimeouts: cacheGcTimeouts.size,
    intervals: intervals.size,
  })
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
  /** Moves the page's clock and the emulator's forward by ms, then waits until every fetch the page started has its body. */
  advance(ms: number): Promise<void>
  /** How many times the page has asked EM for its most-asked URL: its refreshes so far. */
  refreshes(): Promise<number>
  /** When the page asked for each /api URL (the page's clock, ms). */
  apiTimes(): Readonly<Record<string, readonly number[]>>
}

/** Opens url with the instrumentation; on the fake clock unless `realTime` (then advance() only waits). */
export async function openClocked(stack: BrowserStack, url: string, realTime = false): Promise<ClockedPage> {
  const page = await stack.newPage('xml')
  const apiTimes: Record<string, number[]> = {}
  // A binding's call reaches Node before the answer to any later evaluate, so settle() sees every fetch counted.
  await page.exposeFunction('benchApiFetched', (asked: string, at: number) => {
    const times = apiTimes[asked] ?? []
    times.push(at)
    apiTimes[asked] = times
  })
  // The page's clock starts at EM's time: after an earlier soak or a warm-up, EM is ahead of the real clock.
  if (!realTime) await page.clock.install({ time: Date.now() + stack.emulatorAheadMs() })
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
      else {
        // EM's time moves with the page's: otherwise, a day into a soak, the wall would ask about hours EM has
        // not reached yet, and show an emptier screen than a real wall a week on.
        await stack.advanceEmulatorClock(ms)
        await page.clock.runFor(ms)
      }
      await settle()
    },
    refreshes: async () => Math.max(0, ...Object.values(apiTimes).map((times) => times.length)),
    apiTimes: () => apiTimes,
  }
}
