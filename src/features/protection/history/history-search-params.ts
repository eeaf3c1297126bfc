// The VM history's URL: which VM of which job, and the RPO and window it is judged by (STYLE §3.5).

import { PROTECTION_DEFAULTS, WINDOW_HOURS } from '@/features/protection/search-params.ts'
import { v } from '@/lib/valibot.ts'

const text = v.pipe(v.union([v.string(), v.pipe(v.number(), v.transform(String))]), v.trim(), v.minLength(1))

// Whatever the router parsed (`?rpo=48`, `?rpo="48"`) goes through Number() first, then is checked.
const coercedNumber = v.pipe(v.unknown(), v.transform(Number), v.number())

export const HISTORY_DEFAULTS = { rpo: PROTECTION_DEFAULTS.rpo, window: 168 } as const

export const historySearchSchema = v.object({
  vm: v.fallback(v.optional(text), undefined),
  job: v.fallback(v.optional(text), undefined),
  server: v.fallback(v.optional(text), undefined),
  rpo: v.fallback(
    v.optional(v.pipe(coercedNumber, v.integer(), v.minValue(1), v.maxValue(2184)), HISTORY_DEFAULTS.rpo),
    HISTORY_DEFAULTS.rpo,
  ),
  window: v.fallback(
    v.optional(
      v.pipe(
        coercedNumber,
        v.check((value) => WINDOW_HOURS.some((hours) => hours === value)),
      ),
      HISTORY_DEFAULTS.window,
    ),
    HISTORY_DEFAULTS.window,
  ),
})

export type HistorySearch = v.InferOutput<typeof historySearchSchema>
