import { formatLocal, formatUtc } from '@/lib/format-time.ts'

/** A local time with its UTC value on hover and, for screen readers, in the text (STYLE §3.12). */
export function LocalTime({ ms, fallback = '—' }: { ms: number | null; fallback?: string }) {
  if (ms === null) return <span>{fallback}</span>
  const utc = formatUtc(ms)
  return (
    <time dateTime={utc} title={`${utc} (UTC)`}>
      {formatLocal(ms)}
      <span className="sr-only"> local, {utc} UTC</span>
    </time>
  )
}
