// Issue 14: the protection view at 2,000 VMs in 150 jobs with 30 days of history: EM requests per load and per
// refresh (bounded by the page budgets, never one per VM), first rows after navigation, and the longest task on
// the main thread while it loads. Timings are taken in the page (performance.now), requests at the emulator.
import type { Page } from '@playwright/test'
import type { BrowserStack } from './browser-stack.ts'
import type { Figure } from './report.ts'
import { median } from './stats.ts'

declare global {
  interface Window {
    benchLongTasks: { start: number; duration: number }[]
    benchFirstRowAt: number | null
  }
}

function instrument() {
  window.benchLongTasks = []
  window.benchFirstRowAt = null
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      window.benchLongTasks.push({ start: e.startTime, duration: e.duration })
  }).observe({ type: 'longtask', buffered: true })
  const observer = new MutationObserver(() => {
    if (!document.querySelector('.prot-table__row--data')) return
    window.benchFirstRowAt = performance.now()
    observer.disconnect()
  })
  observer.observe(document, { childList: true, subtree: true })
}

// Polls with the browser's own querySelector: Playwright's waitForSelector runs its selector engine in the page's
// main thread, and on a screen of 2,000 rows one of its passes took over 100 ms, counted as the app's long task.
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector('.prot-table__row--data') !== null &&
      document.querySelector('.prot[aria-busy="false"]') !== null,
    undefined,
    { timeout: 120_000, polling: 100 },
  )
}

interface LoadSample {
  firstRowMs: number
  longestTaskMs: number
  loadRequests: number
  refreshRequests: number
  paths: string
}

async function measure(stack: BrowserStack, format: 'xml' | 'json'): Promise<LoadSample> {
  const page = await stack.newPage(format)
  try {
    await page.addInitScript(instrument)
    // The page app itself (scripts, config) is loaded first, so the count below is EM's answers only.
    await page.goto('/sign-in')
    const count = await stack.countRequests()
    await page.goto('/protection')
    await settled(page)
    const load = await count()
    const firstRowMs = (await page.evaluate(() => window.benchFirstRowAt)) ?? Number.NaN
    await page.waitForTimeout(300) // a long task is reported when it ends
    const longestTaskMs = Math.max(
      0,
      ...(await page.evaluate(() => window.benchLongTasks.map((t) => t.duration))),
    )
    const again = await stack.countRequests()
    await page.getByRole('button', { name: 'Refresh now' }).click()
    await page.waitForSelector('.prot[aria-busy="true"]', { timeout: 10_000 }).catch(() => undefined)
    await settled(page)
    const refresh = await again()
    const paths = Object.entries(load.byPath)
      .map(([path, n]) => `${path} ${n}`)
      .join(', ')
    return { firstRowMs, longestTaskMs, loadRequests: load.total, refreshRequests: refresh.total, paths }
  } finally {
    await page.context().close()
  }
}

/** Protection figures over `runs` loads in XML (the default wire format) and one in JSON. */
export async function benchProtection(stack: BrowserStack, runs: number, size: string): Promise<Figure[]> {
  const samples: LoadSample[] = []
  for (let run = 0; run < runs; run++) samples.push(await measure(stack, 'xml'))
  const json = await measure(stack, 'json')
  const section = `browser: protection view, ${size}`
  const n = `median of ${runs} (XML)`
  const worst = (pick: (s: LoadSample) => number) => Math.max(...samples.map(pick))
  return [
    {
      section,
      name: 'EM requests per load',
      value: worst((s) => s.loadRequests),
      unit: 'requests',
      budget: 30,
      note: `most of ${runs}; ${samples[0]?.paths ?? ''}`,
    },
    {
      section,
      name: 'EM requests per refresh',
      value: worst((s) => s.refreshRequests),
      unit: 'requests',
      budget: 30,
      note: `most of ${runs}`,
    },
    {
      section,
      name: 'navigation → first rows',
      value: median(samples.map((s) => s.firstRowMs)),
      unit: 'ms',
      budget: 2000,
      note: `${n}; each: ${samples.map((s) => Math.round(s.firstRowMs)).join(', ')}; JSON ${Math.round(json.firstRowMs)} ms`,
    },
    {
      section,
      name: 'longest main-thread task while loading',
      value: median(samples.map((s) => s.longestTaskMs)),
      unit: 'ms',
      budget: 100,
      note: `${n}; each: ${samples.map((s) => Math.round(s.longestTaskMs)).join(', ')}; JSON ${Math.round(json.longestTaskMs)} ms`,
    },
  ]
}
