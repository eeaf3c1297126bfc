// Client-side order of the per-VM table: EM returns a session's tasks in VM order and has no sort for them
// (em-api.md §6.2), and one session holds at most a few hundred VMs.
import type { ReplicaTaskSession } from '@/em/parse-task-session.ts'
import { durationMs } from '@/em/session-status.ts'
import type { TaskSort, TaskSortKey } from './task-sort.ts'

// Severity, not the alphabet: a result without an outcome (None, unknown: §9.2) sits between Warning and Success.
const RESULT_RANK: Record<string, number> = { failed: 3, warning: 2, success: 0 }

/** Failed 3, Warning 2, anything without an outcome 1, Success 0. */
export function resultRank(result: string): number {
  return RESULT_RANK[result.toLowerCase()] ?? 1
}

type Value = string | number | null

function sortValue(task: ReplicaTaskSession, key: TaskSortKey, now: number): Value {
  switch (key) {
    case 'vm':
      return task.vmDisplayName
    case 'state':
      return task.state
    case 'result':
      return resultRank(task.result)
    case 'reason':
      return task.reason.trim() === '' ? null : task.reason
    case 'size':
      return task.totalSize
    case 'start':
      return task.creationTime
    case 'end':
      return task.endTime
    case 'duration':
      return durationMs(task, now)
  }
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

function compareValues(a: Value, b: Value): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  return collator.compare(String(a), String(b))
}

/** A sorted copy; missing values (no end yet, no reason) go last either way; ties keep VM-name order. */
export function sortTasks(
  tasks: readonly ReplicaTaskSession[],
  sort: TaskSort,
  now: number,
): ReplicaTaskSession[] {
  const sign = sort.dir === 'asc' ? 1 : -1
  return [...tasks].sort((x, y) => {
    const a = sortValue(x, sort.key, now)
    const b = sortValue(y, sort.key, now)
    if (a === null || b === null) {
      if (a !== b) return a === null ? 1 : -1
    } else {
      const order = compareValues(a, b)
      if (order !== 0) return sign * order
    }
    return collator.compare(x.vmDisplayName, y.vmDisplayName)
  })
}

/** How many tasks carry each result, worst first; results EM may add later are counted under their own name. */
export function countByResult(tasks: readonly ReplicaTaskSession[]): { result: string; count: number }[] {
  const counts = new Map<string, number>()
  for (const task of tasks) counts.set(task.result, (counts.get(task.result) ?? 0) + 1)
  return [...counts]
    .map(([result, count]) => ({ result, count }))
    .sort((a, b) => resultRank(b.result) - resultRank(a.result) || collator.compare(a.result, b.result))
}
