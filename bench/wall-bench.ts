// Issue 7 §6 and §8: a wall screen soaked through many refreshes on a fake clock, and the EM requests per minute
// that one explorer view and one wall screen send at their default refresh.
import type { CDPSession, Page } from '@playwright/test'
import type { BrowserStack } from './browser-stack.ts'
import { openClocked, until } from './clocked-page.ts'
import type { Figure } from './report.ts'
import { requestRate } from './request-rate.ts'

// The wall accepts refresh=5 at the least (src/features/wall/search-params.ts): refresh=1 would fall back to 30.
const SOAK_REFRESH_S = 5

interface Sample {
  heapMb: number
  nodes: number
  listeners: number
  timeouts: number
  intervals: number
}

async function sample(page: Page, cdp: CDPSession): Promise<Sample> {
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  const { metrics } = await cdp.send('Performance.getMetrics')
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN
  const timers = await page.evaluate(() => window.benchTimers())
  return {
    heapMb: usedSize / 1024 / 1024,
    nodes: metric('Nodes'),
    listeners: metric('JSEventListeners'),
    ...timers,
  }
}

export interface SoakOptions {
  cycles: number
  baseline: number
  /** The wall's refresh interval, seconds (5 unless told). */
  refreshS?: number
  /** Budget for the heap growth, MB (5 unless told). */
  heapBudgetMb?: number
}

/** Issue 18: a simulated week of a wall at its 60 s refresh, held to 2 MB of heap growth and flat counts. */
export const LONG_SOAK: SoakOptions = { cycles: 10_000, baseline: 50, refreshS: 60, heapBudgetMb: 2 }

/** Soaks /wall?refresh=5 (or refreshS) for `cycles` refreshes; compares cycle `cycles` against cycle `baseline`. */
export async function benchWallSoak(stack: BrowserStack, options: SoakOptions): Promise<Figure[]> {
  const refreshS = options.refreshS ?? SOAK_REFRESH_S
  const long = options.heapBudgetMb !== undefined
  // The clock moves a fifth of a refresh a step: a second at 5 s, 12 s at 60 s (a week in 50,000 steps).
  const stepMs = (refreshS * 1000) / 5
  const { page, advance, refreshes } = await openClocked(stack, `/wall?refresh=${refreshS}`)
  try {
    await until(page, () => document.querySelector('table') !== null)
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Performance.enable')
    const count = await stack.countRequests()
    let early: Sample | null = null
    // A cycle is a refresh seen, not a fixed step: each query's timer restarts when its fetch ends, so the clock
    // moves a second at a time and a cycle is counted whenever the wall asks EM for its most-asked URL again.
    const start = await refreshes()
    let cycle = 0
    let steps = 0
    while (cycle < options.cycles) {
      if (++steps > options.cycles * 20) throw new Error(`only ${cycle} refreshes in ${steps} steps`)
      await advance(stepMs)
      const now = (await refreshes()) - start
      if (now === cycle) continue
      cycle = now
      if (!early && cycle >= options.baseline) early = await sample(page, cdp)
    }
    const late = await sample(page, cdp)
    const requests = await count()
    if (!early) throw new Error('no baseline sample')
    const section = `browser: wall soak, ${options.cycles.toLocaleString('en')} × ${refreshS} s refresh`
    const fakeMinutes = (steps * stepMs) / 60_000
    const at = (s: Sample, pick: (s: Sample) => number) =>
      `${pick(s)} at ${options.baseline}, ${pick(late)} at ${options.cycles}`
    return [
      {
        section,
        name: `JS heap growth, cycle ${options.baseline} → ${options.cycles}`,
        value: late.heapMb - early.heapMb,
        unit: 'MB',
        budget: options.heapBudgetMb ?? 5,
        note: `${early.heapMb.toFixed(1)} → ${late.heapMb.toFixed(1)} MB after GC; ${requests.total} EM requests in ${fakeMinutes.toFixed(0)} min of fake time`,
      },
      {
        section,
        name: 'DOM node growth',
        value: late.nodes - early.nodes,
        unit: 'nodes',
        // Flat over a week: the rotating list shows pages of different lengths, never more nodes over time.
        ...(long ? { budget: 0 } : {}),
        note: at(early, (s) => s.nodes),
      },
      {
        section,
        name: 'event listener growth',
        value: late.listeners - early.listeners,
        unit: 'listeners',
        ...(long ? { budget: 0 } : {}),
        note: at(early, (s) => s.listeners),
      },
      {
        section,
        name: 'live timer growth',
        value: late.timeouts + late.intervals - (early.timeouts + early.intervals),
        unit: 'timers',
        ...(long ? { budget: 0 } : {}),
        note: `timeouts ${at(early, (s) => s.timeouts)}; intervals ${at(early, (s) => s.intervals)}`,
      },
    ]
  } finally {
    await page.context().close()
  }
}

/**
 * EM requests per minute of one page, in real time, over `rounds` refreshes after the first one after load:
 * each URL's own rate from its request times (request-rate.ts), added up. The emulator's count over the same
 * window is in the note as a cross-check.
 */
async function requestsPerMinute(stack: BrowserStack, url: string, rounds: number, align: boolean) {
  const { page, advance, refreshes } = await openClocked(stack, url, true)
  const waitForRefresh = async (after: number) => {
    const deadline = Date.now() + 120_000
    while ((await refreshes()) <= after) {
      if (Date.now() > deadline) throw new Error(`${url} did not refresh within 120 s`)
      await advance(50)
    }
  }
  try {
    await until(page, () => document.querySelector('table') !== null)
    // From the first refresh after load (its follow-ups done); the smoke run skips that wait to stay short.
    if (align) await waitForRefresh(await refreshes())
    else await advance(1000)
    const from = await page.evaluate(() => Date.now())
    const count = await stack.countRequests()
    const started = Date.now()
    await waitForRefresh((await refreshes()) + rounds)
    // The last round's later queries start after the first one's: let them come in.
    await advance(5000)
    const rate = requestRate(await page.evaluate(() => window.benchApiTimes), from)
    const requests = await count()
    const seconds = (Date.now() - started) / 1000
    return {
      perMinute: rate.perMinute,
      note: `${rate.polled} queries, each every ${rate.intervalS.toFixed(1)} s; EM counted ${requests.total} in ${seconds.toFixed(0)} s`,
    }
  } finally {
    await page.context().close()
  }
}

/** Figure 8: explorer (/sessions, refresh 30 s) and wall (/wall, refresh 30 s). */
export async function benchEmLoad(stack: BrowserStack, smoke: boolean): Promise<Figure[]> {
  // The smoke run takes the shortest refresh each screen offers, one round each, to stay short.
  const section = smoke ? 'EM load (smoke: explorer 15 s, wall 5 s)' : 'EM load at default refresh (30 s)'
  const explorer = await requestsPerMinute(
    stack,
    smoke ? '/sessions?refresh=15' : '/sessions',
    smoke ? 1 : 2,
    !smoke,
  )
  const wall = await requestsPerMinute(stack, smoke ? '/wall?refresh=5' : '/wall', smoke ? 1 : 2, !smoke)
  return [
    {
      section,
      name: 'explorer view /sessions',
      value: explorer.perMinute,
      unit: 'req/min',
      note: explorer.note,
    },
    { section, name: 'wall screen /wall', value: wall.perMinute, unit: 'req/min', note: wall.note },
  ]
}
