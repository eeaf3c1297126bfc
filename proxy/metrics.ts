// The proxy's Prometheus metrics, through prom-client, in a registry of the proxy's own (tests start many
// proxies in one process). Served on METRICS_ADDR by metrics-server.ts; the Grafana dashboard in
// proxy/grafana/ reads exactly these names (grafana-dashboard.test.ts checks).
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'
import type { EmErrorKind, EmWatch } from './em-watch.ts'

const PREFIX = 'em_dashboard_'

/** Where a request to EM came from: a signed-in browser, the kiosk session (walls, its logon, the self-check), or /readyz's probe. */
export type EmSource = 'browser' | 'kiosk' | 'probe'
export type KioskCacheResult = 'hit' | 'stale' | 'joined' | 'miss'
export type KioskLogonResult = 'success' | 'refused' | 'failed'

export type ProxyMetrics = {
  registry: Registry
  /** One answered request of the public server: its route (routeOf), method, status and body bytes. */
  request(labels: { route: string; method: string; status: number }, bytes: number): void
  /** The watch for EM requests from `source`: latency, in-flight count and errors. */
  emWatch(source: EmSource): EmWatch
  kioskCache(result: KioskCacheResult): void
  kioskLogon(result: KioskLogonResult): void
  /** Adds Node's process metrics (CPU, memory, event-loop lag); only for a proxy whose metrics are served. */
  collectProcessMetrics(): void
}

// EM answers a small query in tens of milliseconds and a 1,000-row page in seconds at scale (em-api.md §15).
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60]

export function createProxyMetrics(): ProxyMetrics {
  const registry = new Registry()
  const registers = [registry]
  const requests = new Counter({
    name: `${PREFIX}http_requests_total`,
    help: 'Requests answered by the dashboard server, by route, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    registers,
  })
  const bytes = new Counter({
    name: `${PREFIX}http_response_bytes_total`,
    help: 'Body bytes served, by route',
    labelNames: ['route'] as const,
    registers,
  })
  const emLatency = new Histogram({
    name: `${PREFIX}em_request_duration_seconds`,
    help: "Time from sending a request to EM to EM's response headers (or the failure), by source",
    labelNames: ['source'] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  })
  const emErrors = new Counter({
    name: `${PREFIX}em_errors_total`,
    help: 'Requests to EM without a usable answer, by kind (timeout, unreachable, tls, cut_short, server_error = 5xx)',
    labelNames: ['source', 'kind'] as const,
    registers,
  })
  const emInFlight = new Gauge({
    name: `${PREFIX}em_in_flight_requests`,
    help: 'Requests to EM waiting for an answer, by source',
    labelNames: ['source'] as const,
    registers,
  })
  const kioskCache = new Counter({
    name: `${PREFIX}kiosk_cache_requests_total`,
    help: 'Kiosk (wall) requests by how the shared cache answered: hit, stale (served while one refresh goes to EM), joined (waited for a request in flight), miss',
    labelNames: ['result'] as const,
    registers,
  })
  const kioskLogons = new Counter({
    name: `${PREFIX}kiosk_logons_total`,
    help: "The kiosk account's logons to EM: success, refused by EM, failed (EM not reachable)",
    labelNames: ['result'] as const,
    registers,
  })
  for (const result of ['hit', 'stale', 'joined', 'miss'] as const) kioskCache.inc({ result }, 0)
  for (const result of ['success', 'refused', 'failed'] as const) kioskLogons.inc({ result }, 0)
  let processMetrics = false

  return {
    registry,
    request: ({ route, method, status }, sent) => {
      requests.inc({ route, method, status: String(status) })
      if (sent > 0) bytes.inc({ route }, sent)
    },
    emWatch: (source) => () => {
      const stop = emLatency.startTimer({ source })
      emInFlight.inc({ source })
      let ended = false
      const end = (kind: EmErrorKind | null): void => {
        if (ended) return
        ended = true
        stop()
        emInFlight.dec({ source })
        if (kind !== null) emErrors.inc({ source, kind })
      }
      return {
        answered: (status) => end(status >= 500 ? 'server_error' : null),
        failed: (kind) => end(kind),
        abandoned: () => end(null),
      }
    },
    kioskCache: (result) => kioskCache.inc({ result }),
    kioskLogon: (result) => kioskLogons.inc({ result }),
    collectProcessMetrics: () => {
      if (processMetrics) return
      processMetrics = true
      collectDefaultMetrics({ register: registry, prefix: PREFIX })
    },
  }
}

// EM's resources the app reads or acts on; anything else is "other", so a client cannot invent label values.
const EM_RESOURCES = new Set([
  'sessionmngr',
  'logonsessions',
  'query',
  'replicasessions',
  'replicatasksessions',
  'jobs',
  'backupservers',
  'tasks',
  'reports',
  'replicas',
])
const OWN_ROUTES: Readonly<Record<string, string>> = {
  '/healthz': 'healthz',
  '/readyz': 'readyz',
  '/metrics': 'metrics',
  '/dashboard-config.json': 'config',
  '/version.json': 'version',
}

/** A bounded route label for a request path (no query): `api/query`, `kiosk/query`, `assets`, `app` … */
export function routeOf(path: string, kiosk: boolean): string {
  const own = OWN_ROUTES[path]
  if (own !== undefined) return own
  if (path.startsWith('/api/') || path === '/api') {
    const resource = (path.split('/')[2] ?? '').toLowerCase()
    return `${kiosk ? 'kiosk' : 'api'}/${EM_RESOURCES.has(resource) ? resource : resource === '' ? 'root' : 'other'}`
  }
  return path.startsWith('/assets/') ? 'assets' : 'app'
}
