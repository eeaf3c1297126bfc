// The VM history's URL: which VM of which job, and the RPO and window it is judged by (STYLE §3.5).

import {
  coercedNumber,
  PROTECTION_DEFAULTS,
  urlText,
  WINDOW_HOURS,
} from '@/features/protection/search-params.ts'
import { v } from '@/lib/valibot.ts'

export const HISTORY_DEFAULTS = { rpo: PROTECTION_DEFAULTS.rpo, window: 168 } as const

export const historySearchSchema = v.object({
  vm: v.fallback(v.optional(urlText), undefined),
  job: v.fallback(v.optional(urlText), undefined),
  server: v.fallback(v.optional(urlText), undefined),
  rpo: v.fallback(v.optional(coercedNumber(1, 2184), HISTORY_DEFAULTS.rpo), HISTORY_DEFAULTS.rpo),
  window: v.fallback(
    v.optional(
      v.pipe(
        coercedNumber(1, Math.max(...WINDOW_HOURS)),
        v.check((value) => WINDOW_HOURS.some((hours) => hours === value)),
      ),
      HISTORY_DEFAULTS.window,
    ),
    HISTORY_DEFAULTS.window,
  ),
})

export type HistorySearch = v.InferOutput<typeof historySearchSchema>
