// The VM history's URL: which VM of which job, and the RPO and window it is judged by (STYLE §3.5).

import {
  coercedNumber,
  PROTECTION_DEFAULTS,
  urlText,
  WINDOW_HOURS,
} from '@/features/protection/search-params.ts'
import { lenient, v } from '@/lib/valibot.ts'

export const HISTORY_DEFAULTS = { rpo: PROTECTION_DEFAULTS.rpo, window: 168 } as const

export const historySearchSchema = v.object({
  vm: lenient(urlText),
  job: lenient(urlText),
  server: lenient(urlText),
  rpo: lenient(coercedNumber(1, 2184), HISTORY_DEFAULTS.rpo),
  window: lenient(
    v.pipe(
      coercedNumber(1, Math.max(...WINDOW_HOURS)),
      v.check((value) => WINDOW_HOURS.some((hours) => hours === value)),
    ),
    HISTORY_DEFAULTS.window,
  ),
})

export type HistorySearch = v.InferOutput<typeof historySearchSchema>
