// The protection view's URL (STYLE §3.5): RPO, at-risk threshold, window, filters, sort and refresh. Each key falls
// back on its own (`lenient`), so a stale or hand-edited link still opens; defaults stay out of the URL.

import { type ProtectionStatus, STATUSES } from '@/em/protection/protection-types.ts'
import { lenient, v } from '@/lib/valibot.ts'

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
export const urlText = v.pipe(
  v.union([v.string(), v.pipe(v.number(), v.transform(String))]),
  v.trim(),
  v.minLength(1),
)
const text = lenient(urlText)

function oneOf(values: readonly number[]) {
  return v.pipe(
    v.union([v.number(), v.pipe(v.string(), v.regex(/^\d+$/), v.transform(Number))]),
    v.check((value) => values.includes(value)),
  )
}

// Whatever the router parsed (`?rpo=48`, `?rpo="48"`) goes through Number() first, then is checked.
export function coercedNumber(min: number, max: number) {
  return v.pipe(v.unknown(), v.transform(Number), v.number(), v.integer(), v.minValue(min), v.maxValue(max))
}

const status = lenient(
  v.pipe(
    v.union([
      v.array(v.string()),
      v.pipe(
        v.string(),
        v.transform((value) => [value]),
      ),
    ]),
    v.transform((list) => {
      const known = STATUSES.filter((each) =>
        list.some((value) => value.toLowerCase() === each.toLowerCase()),
      )
      return known.length > 0 ? known : undefined
    }),
  ),
)

const sort = lenient(
  v.pipe(v.string(), v.regex(new RegExp(`^(${SORT_FIELDS.join('|')})\\.(asc|desc)$`))),
  PROTECTION_DEFAULTS.sort,
)

export const protectionSearchSchema = v.object({
  /** Hours a VM may go without a replica point; EM keeps 13 weeks of history by default (§6.6). */
  rpo: lenient(coercedNumber(1, 2184), PROTECTION_DEFAULTS.rpo),
  /** "At risk" from this percentage of the RPO. */
  risk: lenient(coercedNumber(50, 95), PROTECTION_DEFAULTS.risk),
  /** Hours of runs (task sessions) to read: failing streaks and run intervals reach back this far. */
  window: lenient(oneOf(WINDOW_HOURS), PROTECTION_DEFAULTS.window),
  job: text,
  server: text,
  platform: text,
  status,
  /** A normalised failure reason (a group above the table). */
  reason: text,
  /** Part of a VM name. */
  vm: text,
  sort,
  refresh: lenient(oneOf(REFRESH_SECONDS), PROTECTION_DEFAULTS.refresh),
})

export type ProtectionSearch = v.InferOutput<typeof protectionSearchSchema>

export function parseSort(text: string): { field: SortField; desc: boolean } {
  const [field, dir] = text.split('.')
  const known = SORT_FIELDS.find((each) => each === field) ?? 'status'
  return { field: known, desc: dir === 'desc' }
}

/** The statuses a search shows: its own list, or all. */
export function shownStatuses(search: ProtectionSearch): readonly ProtectionStatus[] {
  return search.status ?? STATUSES
}
