// Issue 7 §6 and §8: a wall screen soaked through many refreshes on a fake clock, and the EM requests per minute
// that one explorer view and one wall screen send at their default refresh.
import type { CDPSession, Page } from '@playwright/test'
import type { BrowserStack } from './browser-stack.ts'
import { openClocked, until } from './clocked-page.ts'
import type { Figure } from './report.ts'
import { requestRate } from './request-rate.ts'

// The wall accepts refresh=5 at the least (src/features/wall/search-params.ts): refresh=1 would fall back to 30.
const SOAK_REFRESH_S = 5

export interface Sample {
  heapMb: number
  nodes: number
  listeners: number
  /** Live timeouts other than the query cache's garbage collection (clocked-page.ts). */
  timeouts: number
  /** TanStack Query's 5-minute garbage-collection timers: one per query key out of use, gone 5 minutes later. */
  cacheGcTimeouts: number
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
  /** Clock steps per refresh (5 unless told): more steps let timers between refreshes fire at their own time. */
  stepsPerRefresh?: number
  /** Days of EM's clock run before the wall opens, so EM's answers start at their steady size (0 unless told). */
  warmUpDays?: number
}

/**
 * Issue 18: a simulated week of a wall at its 60 s refresh, held to 2 MB of heap growth and flat counts.
 *
 * EM is warmed up by a week first. The soak's small emulator has 300 sessions over 45 days of history but runs
 * its jobs about 23 times an hour, so from a cold start the wall's newest-1000 page and 24-hour windows fill up
 * over the first two simulated days: run J grew the heap by 4.2 MB, nearly all of it EM sessions held because
 * EM had more of them, not because the wall kept old ones. A real wall opens on an EM that has run for years.
 *
 * One clock step a refresh: a query's timer starts again when its fetch ends, after the step that fired it, so
 * each 60 s step holds exactly one refresh, and every timer between refreshes (list pages, the RPO tile's
 * lookups, the clock line) still fires inside the step. Five steps a refresh took an hour for the week.
 */
export const LONG_SOAK: SoakOptions = {
  cycles: 10_000,
  baseline: 50,
  refreshS: 60,
  heapBudgetMb: 2,
  stepsPerRefresh: 1,
  warmUpDays: 7,
}

export interface Sampled {
  cycle: number
  at: Sample
}

/**
 * Growth of a count that moves with what the wall shows (rows on the rotating page, timers of queries in flight):
 * the highest value in the last quarter of the samples against the highest in the first. Two single samples
 * would differ by the page on screen at that moment (the DOM node count moves by 300 between two pages), while a
 * leak raises the whole range.
 */
export function envelopeGrowth(samples: readonly Sampled[], pick: (sample: Sample) => number) {
  const quarter = Math.max(1, Math.floor(samples.length / 4))
  const first = samples.slice(0, quarter)
  const last = samples.slice(-quarter)
  const highest = (part: readonly Sampled[]) => Math.max(...part.map((s) => pick(s.at)))
  const cycles = (part: readonly Sampled[]) => `${part[0]?.cycle}–${part.at(-1)?.cycle}`
  return {
    value: highest(last) - highest(first),
    note: `highest ${highest(first)} in cycles ${cycles(first)}, ${highest(last)} in cycles ${cycles(last)}`,
  }
}

/**
 * Growth of what stays: the lowest value in the last quarter of the samples against the lowest in the first.
 * Whatever is passing adds to a sample (a query's 10 s staleness timer, the page of a decode not yet collected,
 * a 5-minute lookup kept until its cache time ends), while a leak is held in every sample after it, so it raises
 * the floor. Used for the heap after GC and for live timers, whose single samples move by 2 MB and by 10 timers
 * with what happened in the seconds before them.
 */
export function floorGrowth(samples: readonly Sampled[], pick: (sample: Sample) => number) {
  const quarter = Math.max(1, Math.floor(samples.length / 4))
  const lowest = (part: readonly Sampled[]) => Math.min(...part.map((s) => pick(s.at)))
  const first = lowest(samples.slice(0, quarter))
  const last = lowest(samples.slice(-quarter))
  return { value: last - first, first, last }
}

/**
 * Soaks /wall?refresh=5 (or refreshS) for `cycles` refreshes, sampling about 40 times from cycle `baseline` on:
 * the heap after GC at the last sample against the first, and the counts' range late against early.
 */
export async function benchWallSoak(stack: BrowserStack, options: SoakOptions): Promise<Figure[]> {
  const refreshS = options.refreshS ?? SOAK_REFRESH_S
  const long = options.heapBudgetMb !== undefined
  // By default the clock moves a fifth of a refresh a step: a second at 5 s.
  const stepMs = (refreshS * 1000) / (options.stepsPerRefresh ?? 5)
  const sampleEvery = Math.max(1, Math.floor((options.cycles - options.baseline) / 40))
  if (options.warmUpDays) await stack.advanceEmulatorClock(options.warmUpDays * 86_400_000)
  // A long soak samples a quarter of a refresh after one, when its queries' 10 s staleness timers have fired
  // (query-client.ts) and the next refresh is still 45 s away. At 5 s the next refresh would come first.
  const quietMs = long ? (refreshS * 1000) / 4 : 0
  const { page, advance, refreshes } = await openClocked(stack, `/wall?refresh=${refreshS}`)
  try {
    await until(page, () => document.querySelector('table') !== null)
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Performance.enable')
    const count = await stack.countRequests()
    const samples: Sampled[] = []
    // A cycle is a refresh seen, not a fixed step: each query's timer restarts when its fetch ends, so the clock
    // moves a second at a time and a cycle is counted whenever the wall asks EM for its most-asked URL again.
    const start = await refreshes()
    let cycle = 0
    let steps = 0
    let nextSample = options.baseline
    while (cycle < options.cycles) {
      if (++steps > options.cycles * 20) throw new Error(`only ${cycle} refreshes in ${steps} steps`)
      await advance(stepMs)
      const now = (await refreshes()) - start
      if (now === cycle) continue
      cycle = now
      if (cycle >= nextSample && cycle < options.cycles) {
        if (quietMs) await advance(quietMs)
        const at = await sample(page, cdp)
        samples.push({ cycle, at })
        nextSample = cycle + sampleEvery
        // An hour-long run says how far it is, and what it has seen so far.
        if (long) {
          const t = `${at.timeouts}+${at.intervals}, cache GC ${at.cacheGcTimeouts}`
          console.error(
            `soak ${cycle}/${options.cycles}: heap ${at.heapMb.toFixed(2)} MB, nodes ${at.nodes}, listeners ${at.listeners}, timers ${t}`,
          )
        }
      }
    }
    if (quietMs) await advance(quietMs)
    samples.push({ cycle, at: await sample(page, cdp) })
    const requests = await count()
    const early = samples[0]
    const late = samples.at(-1)
    if (!early || !late || samples.length < 2) throw new Error('no baseline sample')
    const warmed = options.warmUpDays ? `, EM ${options.warmUpDays} days on first` : ''
    const section = `browser: wall soak, ${options.cycles.toLocaleString('en')} × ${refreshS} s refresh${warmed}`
    const fakeMinutes = (steps * stepMs + samples.length * quietMs) / 60_000
    const at = (pick: (s: Sample) => number) =>
      `${pick(early.at)} at ${early.cycle}, ${pick(late.at)} at ${late.cycle}`
    const counted = (pick: (s: Sample) => number) => {
      const growth = envelopeGrowth(samples, pick)
      return { value: growth.value, note: `${growth.note}; ${at(pick)}` }
    }
    const nodes = counted((s) => s.nodes)
    const listeners = counted((s) => s.listeners)
    const timerCount = (s: Sample) => s.timeouts + s.intervals
    const timers = floorGrowth(samples, timerCount)
    const cacheGc = envelopeGrowth(samples, (s) => s.cacheGcTimeouts)
    const heap = floorGrowth(samples, (s) => s.heapMb)
    const mb = (value: number) => value.toFixed(2)
    const quarters = `first and last quarter of ${samples.length} samples`
    return [
      {
        section,
        name: `JS heap growth after GC, cycle ${early.cycle} → ${late.cycle}`,
        value: heap.value,
        unit: 'MB',
        budget: options.heapBudgetMb ?? 5,
        note: `lowest ${mb(heap.first)} → ${mb(heap.last)} MB (${quarters}); single samples ${mb(early.at.heapMb)} → ${mb(late.at.heapMb)}, highest ${mb(envelopeGrowth(samples, (s) => s.heapMb).value)} MB up; ${requests.total} EM requests in ${fakeMinutes.toFixed(0)} min of fake time`,
      },
      // Flat over a week: the range late in the soak no higher than early in it.
      { section, name: 'DOM node growth', unit: 'nodes', ...nodes, ...(long ? { budget: 0 } : {}) },
      {
        section,
        name: 'event listener growth',
        unit: 'listeners',
        ...listeners,
        ...(long ? { budget: 0 } : {}),
      },
      {
        section,
        name: 'live timer growth (cache GC apart)',
        unit: 'timers',
        value: timers.value,
        ...(long ? { budget: 0 } : {}),
        note: `lowest ${timers.first} → ${timers.last} (${quarters}); highest ${envelopeGrowth(samples, timerCount).value} up; ${at(timerCount)}; intervals ${at((s) => s.intervals)}; not counted: the query cache's GC timers, ${cacheGc.note}`,
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
  const { page, advance, refreshes, apiTimes } = await openClocked(stack, url, true)
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
    const rate = requestRate(apiTimes(), from)
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
