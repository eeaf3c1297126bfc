// The protection view's URL (STYLE §3.5): RPO, at-risk threshold, window, filters, sort and refresh. Each key falls
// back on its own (`.catch()`), so a stale or hand-edited link still opens; defaults stay out of the URL.

import { type ProtectionStatus, STATUSES } from '@/em/protection/protection-types.ts'
import { z } from '@/lib/zod.ts'

export const WINDOW_HOURS = [24, 48, 72, 168] as const
export const REFRESH_SECONDS = [0, 60, 300, 900] as const
export const SORT_FIELDS = ['status', 'vm', 'job', 'server', 'age', 'run'] as const
export type SortField = (typeof SORT_FIELDS)[number]

export const PROTECTION_DEFAULTS = {
  rpo: 24,
  risk: 80,
  window: 48,
  sort: 'status.asc',
  // EM collects from its backup servers every 15 minutes (em-api.md §15): five minutes is fresh enough.
  refresh: 300,
} as const

// The router parses values as JSON first: `?job=2024` arrives as a number.
const text = z.catch(
  z.optional(
    z.pipe(
      z.union([z.string(), z.pipe(z.number(), z.transform(String))]),
      z.string().check(z.trim(), z.minLength(1)),
    ),
  ),
  undefined,
)

function oneOf(values: readonly number[]) {
  return z
    .union([z.number(), z.pipe(z.string().check(z.regex(/^\d+$/)), z.transform(Number))])
    .check(z.refine((value) => values.includes(value)))
}

const status = z.catch(
  z.optional(
    z.pipe(
      z.union([
        z.array(z.string()),
        z.pipe(
          z.string(),
          z.transform((value) => [value]),
        ),
      ]),
      z.transform((list) => {
        const known = STATUSES.filter((each) =>
          list.some((value) => value.toLowerCase() === each.toLowerCase()),
        )
        return known.length > 0 ? known : undefined
      }),
    ),
  ),
  undefined,
)

const sort = z.catch(
  z._default(
    z.string().check(z.regex(new RegExp(`^(${SORT_FIELDS.join('|')})\\.(asc|desc)$`))),
    PROTECTION_DEFAULTS.sort,
  ),
  PROTECTION_DEFAULTS.sort,
)

export const protectionSearchSchema = z.object({
  /** Hours a VM may go without a replica point; EM keeps 13 weeks of history by default (§6.6). */
  rpo: z.catch(
    z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(2184)), PROTECTION_DEFAULTS.rpo),
    PROTECTION_DEFAULTS.rpo,
  ),
  /** "At risk" from this percentage of the RPO. */
  risk: z.catch(
    z._default(z.coerce.number().check(z.int(), z.minimum(50), z.maximum(95)), PROTECTION_DEFAULTS.risk),
    PROTECTION_DEFAULTS.risk,
  ),
  /** Hours of runs (task sessions) to read: failing streaks and run intervals reach back this far. */
  window: z.catch(z._default(oneOf(WINDOW_HOURS), PROTECTION_DEFAULTS.window), PROTECTION_DEFAULTS.window),
  job: text,
  server: text,
  platform: text,
  status,
  /** A normalised failure reason (a group above the table). */
  reason: text,
  /** Part of a VM name. */
  vm: text,
  sort,
  refresh: z.catch(
    z._default(oneOf(REFRESH_SECONDS), PROTECTION_DEFAULTS.refresh),
    PROTECTION_DEFAULTS.refresh,
  ),
})

export type ProtectionSearch = z.output<typeof protectionSearchSchema>

export function parseSort(text: string): { field: SortField; desc: boolean } {
  const [field, dir] = text.split('.')
  const known = SORT_FIELDS.find((each) => each === field) ?? 'status'
  return { field: known, desc: dir === 'desc' }
}

/** The statuses a search shows: its own list, or all. */
export function shownStatuses(search: ProtectionSearch): readonly ProtectionStatus[] {
  return search.status ?? STATUSES
}
