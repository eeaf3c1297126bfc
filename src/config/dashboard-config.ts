import { queryOptions } from '@tanstack/react-query'
import { v } from '@/lib/valibot.ts'

// Served by the proxy (proxy/), not by EM: which EM the proxy targets and whether it is the embedded emulator.
const dashboardConfigSchema = v.object({
  emHost: v.string(),
  emulator: v.boolean(),
  version: v.fallback(v.string(), 'unknown'),
})

export type DashboardConfig = v.InferOutput<typeof dashboardConfigSchema>

const unknownConfig: DashboardConfig = { emHost: 'Enterprise Manager', emulator: false, version: 'unknown' }

/** The proxy's config document; a missing or odd one falls back to neutral wording, never an error screen. */
export const dashboardConfigQuery = queryOptions({
  queryKey: ['dashboard-config'],
  queryFn: async ({ signal }): Promise<DashboardConfig> => {
    try {
      const response = await fetch('/dashboard-config.json', { signal, credentials: 'omit' })
      if (!response.ok) return unknownConfig
      const parsed = v.safeParse(dashboardConfigSchema, await response.json())
      return parsed.success ? parsed.output : unknownConfig
    } catch {
      return unknownConfig
    }
  },
  staleTime: Number.POSITIVE_INFINITY,
  retry: false,
})
