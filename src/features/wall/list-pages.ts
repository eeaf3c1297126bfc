// The wall's session list: what needs eyes first, then what is moving, then the rest; rotated page by page
// with the clock, so no state is kept and screens showing the same bookmark turn their pages together.
import type { ReplicaJobSession } from '@/em/parse-session.ts'
import { isRunning } from '@/em/session-status.ts'

function rank(session: ReplicaJobSession): number {
  const result = session.result.toLowerCase()
  if (result === 'failed') return 0
  if (isRunning(session)) return 1
  if (result === 'warning') return 2
  return 3
}

/** Failed first, then running, then warnings, then the rest; newest first within each group. */
export function wallOrder(sessions: readonly ReplicaJobSession[]): ReplicaJobSession[] {
  return [...sessions].sort((a, b) => rank(a) - rank(b) || b.creationTime - a.creationTime)
}

export interface ListPage<T> {
  /** 0-based. */
  index: number
  count: number
  items: T[]
}

/** The page on screen at `now` when pages of `perPage` rows turn every `rotateMs`. */
export function pageAt<T>(
  items: readonly T[],
  options: { now: number; rotateMs: number; perPage: number },
): ListPage<T> {
  const perPage = Math.max(1, Math.floor(options.perPage))
  const count = Math.max(1, Math.ceil(items.length / perPage))
  const index = Math.floor(options.now / Math.max(1, options.rotateMs)) % count
  return { index, count, items: items.slice(index * perPage, (index + 1) * perPage) }
}

// Rows are sized from the viewport (wall.css): at scale 1 a 16:9 screen has room for this many.
const ROWS_AT_SCALE_1 = 10

/** Rows per page for a scale factor: bigger text, fewer rows. */
export function rowsPerPage(scale: number): number {
  return Math.max(3, Math.floor(ROWS_AT_SCALE_1 / scale))
}
