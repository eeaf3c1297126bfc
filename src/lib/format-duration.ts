/** A duration as an admin reads it in Veeam's console: "0:42", "12:05", "1:02:09", "2d 03:10:00". */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return '—'
  const total = Math.floor(ms / 1000)
  const days = Math.floor(total / 86_400)
  const h = Math.floor((total % 86_400) / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const mm = String(m).padStart(2, '0')
  const ss = String(s).padStart(2, '0')
  if (days > 0) return `${days}d ${String(h).padStart(2, '0')}:${mm}:${ss}`
  if (h > 0) return `${h}:${mm}:${ss}`
  return `${m}:${ss}`
}

/** Spoken form for accessible names: "1 hour 2 minutes 9 seconds". */
export function describeDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return 'unknown duration'
  const total = Math.floor(ms / 1000)
  const parts: string[] = []
  const units: [number, string][] = [
    [86_400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
    [1, 'second'],
  ]
  let rest = total
  for (const [size, name] of units) {
    const n = Math.floor(rest / size)
    rest -= n * size
    if (n > 0) parts.push(`${n} ${name}${n === 1 ? '' : 's'}`)
  }
  return parts.length > 0 ? parts.join(' ') : '0 seconds'
}
