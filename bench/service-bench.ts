// Issue 17's capacity figures: simulated wall screens (the wall's real request mix, kiosk mode) against one
// `npm run serve` copy over loopback, then against two copies behind the shipped nginx, with the load generator on
// the same machine. Each run prints requests per second, p50/p99, how many wall screens that load is, and the
// EM requests per minute it cost, against the single-screen figure: one EM request per distinct query per interval.
import autocannon from 'autocannon'
import { SITE_NAME } from '../proxy/nginx/nginx-process.ts'
import {
  type EmRequest,
  type NodeStack,
  STACK_KEY,
  startNodeStack,
  warmCopies,
} from '../proxy/nginx/node-stack.ts'
import { distinctWallPaths, WALL_BOOKMARKS, wallRequestPaths } from '../proxy/nginx/wall-mix.ts'
import type { Figure } from './report.ts'

/** Each screen asks its queries once per refresh: three or four, by bookmark (wall-mix.ts). */
const QUERIES_PER_SCREEN = WALL_BOOKMARKS.flatMap(wallRequestPaths).length / WALL_BOOKMARKS.length

type LoadResult = {
  rps: number
  p50: number
  p99: number
  failed: number
  /** What the failures were: connection errors, timeouts, and answers by status other than 2xx. */
  failures: string
  bytesPerAnswer: number
  /** EM requests per minute during the load (all methods, all copies): steadyRatePerMinute. */
  emPerMinute: number
}

/** Asks every copy every distinct path once (the load starts against warm caches), then loads for `intervals` + ½ intervals. */
export async function loadWallMix(
  stack: NodeStack,
  options: { intervalS: number; intervals: number; connections: number },
): Promise<LoadResult> {
  const nginx = stack.nginx
  const port = nginx?.port ?? stack.copies[0]?.port
  if (port === undefined) throw new Error('no copy to load')
  const url = nginx === undefined ? `http://127.0.0.1:${port}` : `https://127.0.0.1:${port}`
  const headers = {
    Host: nginx === undefined ? '127.0.0.1' : SITE_NAME,
    Accept: 'application/xml',
    'Accept-Encoding': 'gzip',
    'X-Kiosk-Key': STACK_KEY,
    'X-Refresh-Interval': String(options.intervalS),
  }
  const tls = nginx === undefined ? {} : { servername: SITE_NAME, tlsOptions: { ca: nginx.ca } }
  const fromWarm = stack.emRequests.length
  // Every copy's cache warm, each copy asked directly (nginx's round robin could give a copy only half the paths).
  await warmCopies(stack, distinctWallPaths(), options.intervalS)
  // The bookmarks' mix as the screens send it: each screen's queries, screen after screen.
  const mix = WALL_BOOKMARKS.flatMap(wallRequestPaths)
  const result = await autocannon({
    url,
    ...tls,
    connections: options.connections,
    // Long enough for every query to be refreshed at least once after its warm-up request (steadyRatePerMinute).
    duration: options.intervalS * (options.intervals + 0.5),
    timeout: 30,
    requests: mix.map((path) => ({ method: 'GET', path, headers })),
  })
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.errors + result.timeouts + result.non2xx,
    failures: describeFailures(result),
    bytesPerAnswer: result.requests.total === 0 ? 0 : result.throughput.total / result.requests.total,
    emPerMinute: steadyRatePerMinute(stack.emRequests.slice(fromWarm)),
  }
}

function describeFailures(result: autocannon.Result): string {
  const statuses = Object.entries(result.statusCodeStats ?? {})
    .filter(([status]) => !status.startsWith('2'))
    .map(([status, { count }]) => `${count} × ${status}`)
  return [
    ...(result.errors > 0 ? [`${result.errors} errors`] : []),
    ...(result.timeouts > 0 ? [`${result.timeouts} timeouts`] : []),
    ...statuses,
  ].join(', ')
}

/**
 * EM's steady request rate, independent of where the run starts within an interval: for each copy and request,
 * the number of gaps between its EM requests over the time they span (from the warm-up request on), summed.
 * A request EM saw only once adds nothing, so the load runs past one full interval after the warm-up.
 */
export function steadyRatePerMinute(requests: readonly EmRequest[]): number {
  const times = new Map<string, number[]>()
  for (const request of requests) {
    const key = `${request.copy} ${request.method} ${request.url}`
    times.set(key, [...(times.get(key) ?? []), request.at])
  }
  let perMs = 0
  for (const at of times.values()) {
    const first = at[0]
    const last = at[at.length - 1]
    if (first !== undefined && last !== undefined && last > first) perMs += (at.length - 1) / (last - first)
  }
  return perMs * 60_000
}

function figures(section: string, copies: number, intervalS: number, result: LoadResult): Figure[] {
  const distinct = distinctWallPaths().length
  // A single screen per distinct query: each query once per interval, per copy.
  const singleScreen = distinct * (60 / intervalS) * copies
  const screens = (result.rps * intervalS) / QUERIES_PER_SCREEN
  return [
    {
      section,
      name: 'Requests per second (wall mix, kiosk)',
      value: result.rps,
      unit: 'req/s',
      note: `${Math.round(screens).toLocaleString('en')} screens at ${intervalS} s refresh; ${Math.round(result.bytesPerAnswer / 1024)} KB per answer`,
    },
    { section, name: 'Latency p50', value: result.p50, unit: 'ms' },
    // The load is closed-loop at full speed: latency grows with the connections; it is reported, not judged.
    { section, name: 'Latency p99', value: result.p99, unit: 'ms' },
    {
      section,
      name: 'Failed requests (errors, timeouts, non-2xx)',
      value: result.failed,
      unit: '',
      budget: 0,
    },
    {
      section,
      name: 'EM requests per minute at that load',
      value: result.emPerMinute,
      unit: '/min',
      budget: singleScreen,
      note: `budget: one per distinct query (${distinct}) per ${intervalS} s${copies > 1 ? ` per copy (${copies})` : ''}, as for a single screen`,
    },
  ]
}

/** One copy alone, then two behind nginx; every process is stopped, even on failure. */
export async function benchServiceLoad(smoke: boolean): Promise<Figure[]> {
  const intervalS = smoke ? 5 : 30
  const options = { intervalS, intervals: 1, connections: smoke ? 10 : 50 }
  const out: Figure[] = []
  const single = await startNodeStack({ copies: 1, nginx: false })
  try {
    out.push(...figures('service: one npm run serve copy', 1, intervalS, await loadWallMix(single, options)))
  } finally {
    await single.close()
  }
  const pair = await startNodeStack({ copies: 2 })
  try {
    out.push(...figures('service: two copies behind nginx', 2, intervalS, await loadWallMix(pair, options)))
  } finally {
    await pair.close()
  }
  return out
}
