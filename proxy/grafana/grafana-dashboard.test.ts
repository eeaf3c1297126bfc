// The shipped Grafana dashboard reads only what the proxy exports: every metric name in its queries is one that
// createProxyMetrics() registers (with the histogram's _bucket/_sum/_count series), every label it groups or
// filters by is one that metric carries, and every metric of the proxy's own is on some panel. Grafana itself is
// not run here; this checks the queries against the code, not their rendering.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createProxyMetrics } from '../metrics.ts'

const dashboardSchema = z.object({
  title: z.string(),
  uid: z.string(),
  schemaVersion: z.number(),
  templating: z.object({
    list: z.array(z.object({ name: z.string(), definition: z.string().optional() })),
  }),
  panels: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      type: z.string(),
      gridPos: z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() }),
      datasource: z.object({
        type: z.literal('prometheus'),
        // biome-ignore lint/suspicious/noTemplateCurlyInString: Grafana's variable syntax, not a template string
        uid: z.literal('${datasource}'),
      }),
      targets: z.array(z.object({ refId: z.string(), expr: z.string().min(1) })).min(1),
    }),
  ),
})

const dashboard = dashboardSchema.parse(
  JSON.parse(readFileSync(new URL('./em-replica-dashboard.json', import.meta.url), 'utf8')),
)
// Labels Prometheus adds to every scraped series, and the histogram's bucket bound.
const SCRAPE_LABELS = new Set(['instance', 'job'])

/** Every series name the proxy exports (each observed once so that every label appears), with its labels. */
async function exportedSeries(): Promise<Map<string, Set<string>>> {
  const metrics = createProxyMetrics()
  metrics.collectProcessMetrics()
  metrics.request({ route: 'kiosk/query', method: 'GET', status: 200 }, 100)
  const watch = metrics.emWatch('kiosk')()
  watch.failed('timeout')
  metrics.kioskCache('hit')
  metrics.kioskLogon('success')
  const series = new Map<string, Set<string>>()
  for (const metric of await metrics.registry.getMetricsAsJSON()) {
    // A histogram's values name their series (_bucket, _sum, _count); other metrics' values are the metric.
    for (const value of metric.values) {
      const name =
        'metricName' in value && typeof value.metricName === 'string' ? value.metricName : metric.name
      const labels = series.get(name) ?? new Set<string>()
      for (const label of Object.keys(value.labels)) labels.add(label)
      series.set(name, labels)
    }
  }
  return series
}

/** The queries of the panels and of the template variables. */
function queries(): Array<{ where: string; expr: string }> {
  return [
    ...dashboard.panels.flatMap((panel) =>
      panel.targets.map((target) => ({ where: `panel "${panel.title}" ${target.refId}`, expr: target.expr })),
    ),
    ...dashboard.templating.list.flatMap((variable) =>
      variable.definition === undefined
        ? []
        : [{ where: `variable ${variable.name}`, expr: variable.definition }],
    ),
  ]
}

/** The metric names in a PromQL expression: the proxy's prefix is the only one the dashboard uses. */
function metricNames(expr: string): string[] {
  return [...expr.matchAll(/\bem_dashboard_[a-z0-9_]+/g)].map((match) => match[0])
}

/** Label names in `by (…)`, `without (…)`, matchers `{label=…}` and label_values(metric, label). */
function labelNames(expr: string): string[] {
  const grouped = [...expr.matchAll(/\b(?:by|without)\s*\(([^)]*)\)/g)].flatMap((match) =>
    (match[1] ?? '').split(',').map((name) => name.trim()),
  )
  const matched = [...expr.matchAll(/\{([^}]*)\}/g)].flatMap((match) =>
    [...(match[1] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)\s*(?:=~|!~|!=|=)/g)].map((m) => m[1] ?? ''),
  )
  const values = [...expr.matchAll(/label_values\([^,]+,\s*([a-zA-Z_][a-zA-Z0-9_]*)\)/g)].map(
    (m) => m[1] ?? '',
  )
  return [...grouped, ...matched, ...values].filter((name) => name !== '')
}

describe('the Grafana dashboard (proxy/grafana/em-replica-dashboard.json)', () => {
  it('queries only metrics the proxy exports', async () => {
    const series = await exportedSeries()
    const unknown = queries().flatMap(({ where, expr }) =>
      metricNames(expr)
        .filter((name) => !series.has(name))
        .map((name) => `${where}: ${name}`),
    )
    expect(unknown).toEqual([])
    // A query without any of the proxy's metrics would read something else entirely.
    for (const { where, expr } of queries()) expect(metricNames(expr), where).not.toEqual([])
  })

  it('groups and filters only by labels those metrics carry', async () => {
    const series = await exportedSeries()
    const wrong = queries().flatMap(({ where, expr }) => {
      const carried = new Set(metricNames(expr).flatMap((name) => [...(series.get(name) ?? [])]))
      if (expr.includes('_bucket')) carried.add('le')
      return labelNames(expr)
        .filter((label) => !carried.has(label) && !SCRAPE_LABELS.has(label))
        .map((label) => `${where}: ${label}`)
    })
    expect(wrong).toEqual([])
  })

  it('shows every metric of the proxy’s own on some panel', async () => {
    const used = queries().flatMap(({ expr }) => metricNames(expr))
    // Node's process metrics (CPU, memory, event loop …) are many; the dashboard shows a few of them.
    const own = (await createProxyMetrics().registry.getMetricsAsJSON())
      .map((metric) => metric.name)
      .filter((name) => !/^em_dashboard_(process|nodejs)_/.test(name))
    expect(own.length).toBeGreaterThanOrEqual(7)
    // A histogram is shown through any of its series (_bucket, _sum, _count).
    expect(own.filter((name) => !used.some((series) => series.startsWith(name)))).toEqual([])
  })

  it('has panels with distinct ids that do not overlap on Grafana’s 24-column grid', () => {
    const ids = dashboard.panels.map((panel) => panel.id)
    expect(new Set(ids).size).toBe(ids.length)
    const cells = new Set<string>()
    for (const panel of dashboard.panels) {
      const { x, y, w, h } = panel.gridPos
      expect(x + w, panel.title).toBeLessThanOrEqual(24)
      for (let row = y; row < y + h; row++) {
        for (let column = x; column < x + w; column++) {
          const cell = `${row}:${column}`
          expect(cells.has(cell), `${panel.title} overlaps at ${cell}`).toBe(false)
          cells.add(cell)
        }
      }
    }
  })
})
