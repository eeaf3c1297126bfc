// Which columns the sessions table shows and in what order: TanStack Table's columnVisibility and columnOrder
// state, kept per browser (lib/preferences.ts), checked against the columns this build knows, and turned into the
// grid's column template. Pure, so the stored shapes a browser may hold are tested here.
import type { ColumnOrderState, ColumnVisibilityState } from '@tanstack/react-table'
import type { TableLayout } from '@/lib/preferences.ts'

/** Every column id in the default order. Session name only repeats Job and Started, so it starts hidden. */
export const COLUMN_IDS = [
  'JobName',
  'State',
  'Result',
  'BackupServerName',
  'CreationTime',
  'EndTime',
  'Duration',
  'Progress',
  'IsRetry',
  'Actions',
  'Name',
] as const
export type ColumnId = (typeof COLUMN_IDS)[number]

/** The Job cell carries the row's link (the way into a session), so it cannot be hidden. */
export const ALWAYS_SHOWN: ColumnId = 'JobName'

export const DEFAULT_VISIBILITY: ColumnVisibilityState = { Name: false }

// Each column's grid track: a fixed width where the content is (badges, times), a share of the rest for names.
const TRACKS: Record<string, { min: number; grow?: number }> = {
  JobName: { min: 10, grow: 2 },
  State: { min: 7.5 },
  Result: { min: 10.5 },
  BackupServerName: { min: 8, grow: 1.2 },
  CreationTime: { min: 10.25 },
  EndTime: { min: 10.25 },
  Duration: { min: 5 },
  Progress: { min: 7, grow: 0.6 },
  IsRetry: { min: 4.5 },
  Actions: { min: 6 },
  Name: { min: 12, grow: 2 },
}
// A column this file does not know (one added by another feature) gets a modest flexible track.
const OTHER_TRACK = { min: 6, grow: 0.5 }

export interface ResolvedLayout {
  columnVisibility: ColumnVisibilityState
  columnOrder: ColumnOrderState
}

function isColumnId(id: string): id is ColumnId {
  return COLUMN_IDS.some((known) => known === id)
}

/** A stored layout made safe: unknown ids dropped, new columns in their default place, Job always shown. */
export function resolveLayout(stored: TableLayout | null): ResolvedLayout {
  const visibility: ColumnVisibilityState = { ...DEFAULT_VISIBILITY }
  for (const [id, shown] of Object.entries(stored?.visibility ?? {}))
    if (isColumnId(id)) visibility[id] = shown
  visibility[ALWAYS_SHOWN] = true
  const order: ColumnId[] = [...new Set((stored?.order ?? []).filter(isColumnId))]
  for (const id of COLUMN_IDS) {
    if (order.includes(id)) continue
    // A column the stored order lacks goes after the column that precedes it by default.
    const before = COLUMN_IDS.slice(0, COLUMN_IDS.indexOf(id)).findLast((other) => order.includes(other))
    order.splice(before === undefined ? 0 : order.indexOf(before) + 1, 0, id)
  }
  return { columnVisibility: visibility, columnOrder: order }
}

/** What to store for a layout: null when it is the default, so a later default change reaches this browser. */
export function toStoredLayout(layout: ResolvedLayout): TableLayout | null {
  const defaults = resolveLayout(null)
  const sameOrder = layout.columnOrder.join() === defaults.columnOrder.join()
  const sameVisibility = COLUMN_IDS.every(
    (id) => (layout.columnVisibility[id] ?? true) === (defaults.columnVisibility[id] ?? true),
  )
  if (sameOrder && sameVisibility) return null
  return { visibility: { ...layout.columnVisibility }, order: [...layout.columnOrder] }
}

/** The order with one column moved one place towards the start (-1) or the end (+1). */
export function moveColumn(order: ColumnOrderState, id: string, step: -1 | 1): ColumnOrderState {
  const from = order.indexOf(id)
  const to = from + step
  if (from < 0 || to < 0 || to >= order.length) return order
  const next = [...order]
  next.splice(from, 1)
  next.splice(to, 0, id)
  return next
}

/** The CSS grid template for the visible columns, and the width below which the table scrolls sideways. */
export function gridTemplate(visibleIds: readonly string[]): { columns: string; minWidth: string } {
  const tracks = visibleIds.map((id) => TRACKS[id] ?? OTHER_TRACK)
  const columns = tracks
    .map(({ min, grow }) => (grow === undefined ? `${min}rem` : `minmax(${min}rem, ${grow}fr)`))
    .join(' ')
  const minWidth = tracks.reduce((sum, track) => sum + track.min, 0)
  return { columns, minWidth: `${minWidth}rem` }
}
