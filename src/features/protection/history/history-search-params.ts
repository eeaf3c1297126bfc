// The VM history's URL: which VM of which job, and the RPO and window it is judged by (STYLE §3.5).

import { PROTECTION_DEFAULTS, WINDOW_HOURS } from '@/features/protection/search-params.ts'
import { z } from '@/lib/zod.ts'

const text = z.pipe(
  z.union([z.string(), z.pipe(z.number(), z.transform(String))]),
  z.string().check(z.trim(), z.minLength(1)),
)

export const HISTORY_DEFAULTS = { rpo: PROTECTION_DEFAULTS.rpo, window: 168 } as const

export const historySearchSchema = z.object({
  vm: z.catch(z.optional(text), undefined),
  job: z.catch(z.optional(text), undefined),
  server: z.catch(z.optional(text), undefined),
  rpo: z.catch(
    z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(2184)), HISTORY_DEFAULTS.rpo),
    HISTORY_DEFAULTS.rpo,
  ),
  window: z.catch(
    z._default(
      z.coerce.number().check(z.refine((value) => WINDOW_HOURS.some((hours) => hours === value))),
      HISTORY_DEFAULTS.window,
    ),
    HISTORY_DEFAULTS.window,
  ),
})

export type HistorySearch = z.output<typeof historySearchSchema>
