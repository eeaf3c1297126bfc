// Times: local for reading, UTC for the record (STYLE §3.12: UTC in title and accessible name).
import { lazyDateFormat } from './lazy-intl.ts'

const localFormat = lazyDateFormat({
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
})

const shortZone = lazyDateFormat({ timeZoneName: 'short' })

/** Local date and time, e.g. "2025-10-19 08:46:31" (locale order). */
export function formatLocal(ms: number): string {
  return localFormat().format(ms)
}

/** ISO-8601 UTC text without milliseconds when they are zero. */
export function formatUtc(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z')
}

/** The browser's time-zone name as the user would read it, e.g. "CET" or "GMT+1". */
export function localZoneName(at: number = Date.now()): string {
  const part = shortZone()
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')
  return part?.value ?? Intl.DateTimeFormat().resolvedOptions().timeZone
}

/** Age in words for a wall or a freshness line: "12 s", "5 min", "3 h", "2 d". */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000))
  if (s < 60) return `${s} s`
  const m = Math.floor(s / 60)
  if (m < 60) return `${m} min`
  const h = Math.floor(m / 60)
  if (h < 48) return `${h} h`
  return `${Math.floor(h / 24)} d`
}
