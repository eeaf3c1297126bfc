// The per-VM table's sort keys and default order, apart from task-order.ts: the route's validateSearch reads them,
// so they are in every first page's code; the sorting itself loads with the detail view.
export const TASK_SORT_KEYS = ['vm', 'state', 'result', 'reason', 'size', 'start', 'end', 'duration'] as const
export type TaskSortKey = (typeof TASK_SORT_KEYS)[number]

export interface TaskSort {
  key: TaskSortKey
  dir: 'asc' | 'desc'
}

/** Worst first: failed and warning rows lead the table by default. */
export const DEFAULT_TASK_SORT: TaskSort = { key: 'result', dir: 'desc' }
