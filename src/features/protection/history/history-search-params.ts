// The VM history's URL: which VM of which job, and the RPO and window it is judged by (STYLE §3.5).
import { z } from 'zod'
import { PROTECTION_DEFAULTS, WINDOW_HOURS } from '@/features/protection/search-params.ts'

const text = z.union([z.string(), z.number().transform(String)]).pipe(z.string().trim().min(1))

export const HISTORY_DEFAULTS = { rpo: PROTECTION_DEFAULTS.rpo, window: 168 } as const

export const historySearchSchema = z.object({
  vm: text.optional().catch(undefined),
  job: text.optional().catch(undefined),
  server: text.optional().catch(undefined),
  rpo: z.coerce.number().int().min(1).max(2184).default(HISTORY_DEFAULTS.rpo).catch(HISTORY_DEFAULTS.rpo),
  window: z.coerce
    .number()
    .refine((value) => WINDOW_HOURS.some((hours) => hours === value))
    .default(HISTORY_DEFAULTS.window)
    .catch(HISTORY_DEFAULTS.window),
})

export type HistorySearch = z.output<typeof historySearchSchema>
