import { queryOptions } from '@tanstack/react-query'
import { z } from '@/lib/zod.ts'

// Served by the proxy (proxy/), not by EM: which EM the proxy targets and whether it is the embedded emulator.
const dashboardConfigSchema = z.object({
  emHost: z.string(),
  emulator: z.boolean(),
  version: z.catch(z.string(), 'unknown'),
})

export type DashboardConfig = z.infer<typeof dashboardConfigSchema>

const unknownConfig: DashboardConfig = { emHost: 'Enterprise Manager', emulator: false, version: 'unknown' }

/** The proxy's config document; a missing or odd one falls back to neutral wording, never an error screen. */
export const dashboardConfigQuery = queryOptions({
  queryKey: ['dashboard-config'],
  queryFn: async ({ signal }): Promise<DashboardConfig> => {
    try {
      const response = await fetch('/dashboard-config.json', { signal, credentials: 'omit' })
      if (!response.ok) return unknownConfig
      const parsed = dashboardConfigSchema.safeParse(await response.json())
      return parsed.success ? parsed.data : unknownConfig
    } catch {
      return unknownConfig
    }
  },
  staleTime: Number.POSITIVE_INFINITY,
  retry: false,
})
