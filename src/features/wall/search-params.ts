// The wall's URL: the explorer's session filter (same keys, extended, not copied: STYLE §3.5) plus the screen's
// own options. Each screen is a bookmark, so every key falls back on its own instead of failing the page.

import { sessionSearchSchema } from '@/em/session-url-filter.ts'
import { lenient, v } from '@/lib/valibot.ts'

/** Defaults of the wall's own keys; stripSearchParams leaves them out of canonical URLs. */
export const WALL_DEFAULTS = {
  refresh: 30,
  rotate: 15,
  rpo: 24,
  theme: 'dark',
  scale: 1,
} as const

// Below 5 s EM would answer the same collection snapshot (it collects every 15 min, em-api.md §6.6) far too often.
const refresh = v.pipe(v.number(), v.integer(), v.minValue(5), v.maxValue(3600))
const rotate = v.pipe(v.number(), v.integer(), v.minValue(5), v.maxValue(600))
// EM's query history reaches back 13 weeks by default (em-api.md §6.6).
const rpo = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(2184))
const scale = v.pipe(v.number(), v.minValue(0.5), v.maxValue(3))
// The router parses values as JSON first, so an all-digit key arrives as a number.
const key = v.union([v.pipe(v.string(), v.minLength(1)), v.pipe(v.number(), v.transform(String))])

export const wallSearchSchema = v.object({
  ...sessionSearchSchema.entries,
  /** Seconds between refreshes. */
  refresh: lenient(refresh, WALL_DEFAULTS.refresh),
  /** Seconds each page of the session list stays on screen. */
  rotate: lenient(rotate, WALL_DEFAULTS.rotate),
  /** Hours within which every job needs a successful session. */
  rpo: lenient(rpo, WALL_DEFAULTS.rpo),
  theme: lenient(v.picklist(['dark', 'light']), WALL_DEFAULTS.theme),
  /** Multiplies every size: 2 for a small screen far away, 0.75 to fit more rows. */
  scale: lenient(scale, WALL_DEFAULTS.scale),
  /**
   * The kiosk key as old bookmarks carried it (`?key=`), read only to move it into the fragment (`#key=`), where
   * servers never see it; the route does that at once (README "Kiosk setup").
   */
  key: lenient(key),
})

export type WallSearch = v.InferOutput<typeof wallSearchSchema>

/** How much fits at a scale: above 1.25 the full layout no longer fits a 16:9 screen (wall.css). */
export function densityAt(scale: number): 'full' | 'compact' | 'large' {
  if (scale > 2) return 'large'
  return scale > 1.25 ? 'compact' : 'full'
}

/** The wall options of a validated search, in the units the screen uses. */
export function wallOptions(search: WallSearch) {
  return {
    refreshMs: search.refresh * 1000,
    rotateMs: search.rotate * 1000,
    rpoMs: search.rpo * 3_600_000,
    theme: search.theme,
    scale: search.scale,
    /** Big text leaves room for less: compact drops the chart and the names in the tiles, large two columns. */
    density: densityAt(search.scale),
  }
}

export type WallOptions = ReturnType<typeof wallOptions>

/** The filter in a few words for the header ("Job SQL · Server srv02 · Failed"), or null when there is none. */
export function describeFilter(search: WallSearch): string | null {
  const parts = [
    search.job ? `Job ${search.job}` : null,
    search.jobUid ? 'One job' : null,
    search.server ? `Server ${search.server}` : null,
    search.serverUid ? 'One backup server' : null,
    search.name ? `Session ${search.name}` : null,
    search.state?.length ? search.state.join(', ') : null,
    search.result?.length ? search.result.join(', ') : null,
    search.retry === 'only' ? 'Retries only' : search.retry === 'exclude' ? 'No retries' : null,
    search.created ? `Created in the last ${search.created}` : null,
    search.q ? 'Custom filter' : null,
  ]
  const text = parts.filter((part) => part !== null).join(' · ')
  return text === '' ? null : text
}
