// VM replica points (em-api.md §11.2): a Success or Warning task leaves one, inside its own time window; each
// VM's chain keeps the job's retention and drops its oldest point beyond it. Failed tasks leave none.

import type { Micros, ReplicaPointRecord, ReplicaRecord, TaskSessionRecord } from './records.ts'
import { timedName } from './time-text.ts'

/** The point a finished task leaves, or null: only Success and Warning runs create one. */
export function leavesPoint(task: TaskSessionRecord): boolean {
  return task.state === 'Completed' && (task.result === 'Success' || task.result === 'Warning')
}

// The snapshot is taken early in the task: inside its window and after its start, as in the doc example (§11.2).
function pointTime(task: TaskSessionRecord): Micros {
  const end = task.endTime ?? task.creationTime
  return task.creationTime + Math.floor((end - task.creationTime) * 0.15)
}

// A point id derived from its task's: a bijection on version-4 GUIDs (the fixed version and variant digits stay,
// the other 30 are reversed), so ids are unique and stable without touching any random stream.
export function pointIdOf(taskId: string): string {
  const hex = taskId.replaceAll('-', '')
  const free = [...hex].filter((_, i) => i !== 12 && i !== 16).reverse()
  const digits = [
    ...free.slice(0, 12),
    hex[12] ?? '4',
    ...free.slice(12, 15),
    hex[16] ?? '8',
    ...free.slice(15),
  ]
  const text = digits.join('')
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`
}

export interface ChainOwner {
  replica: ReplicaRecord
  retention: number
}

function makePoint(task: TaskSessionRecord, replicaId: string): ReplicaPointRecord {
  const creationTime = pointTime(task)
  return {
    id: pointIdOf(task.id),
    name: timedName(task.vmName, creationTime),
    replicaId,
    vmName: task.vmName,
    creationTime,
    // Every replica point in the doc examples is Full + Snapshot (§11.2).
    algorithm: 'Full',
    pointType: 'Snapshot',
    deleted: false,
  }
}

/** Every point the store holds, and each VM's chain. Deleted points stay in `points` until compaction. */
export class PointBook {
  points: ReplicaPointRecord[] = []
  readonly #chains = new Map<string, ReplicaPointRecord[]>()
  readonly #byId = new Map<string, ReplicaPointRecord>()
  #deleted = 0

  /**
   * Fills the book from finished history, newest first, keeping only what retention would have kept.
   * `tasksNewestFirst` yields each task with the job that ran it.
   */
  fill(tasksNewestFirst: Iterable<{ task: TaskSessionRecord; owner: ChainOwner }>): void {
    const kept: ReplicaPointRecord[] = []
    const counts = new Map<string, number>()
    for (const { task, owner } of tasksNewestFirst) {
      if (!leavesPoint(task)) continue
      const key = `${owner.replica.id}\u0000${task.vmName}`
      const count = counts.get(key) ?? 0
      if (count >= owner.retention) continue
      counts.set(key, count + 1)
      kept.push(makePoint(task, owner.replica.id))
    }
    kept.sort((a, b) => a.creationTime - b.creationTime)
    for (const point of kept) this.#append(point)
  }

  /** Adds the point a task just left (live clock); drops the chain's oldest beyond retention. */
  add(task: TaskSessionRecord, owner: ChainOwner): void {
    if (!leavesPoint(task)) return
    const chain = this.#append(makePoint(task, owner.replica.id))
    while (chain.length > owner.retention) {
      const oldest = chain.shift()
      if (oldest === undefined) break
      oldest.deleted = true
      this.#byId.delete(oldest.id)
      this.#deleted++
    }
    // Deleted points are skipped by every reader; the array is rebuilt once they outnumber the live ones.
    if (this.#deleted > 1000 && this.#deleted > this.points.length / 2) {
      this.points = this.points.filter((point) => !point.deleted)
      this.#deleted = 0
    }
  }

  byId(id: string): ReplicaPointRecord | undefined {
    return this.#byId.get(id)
  }

  /** A replica's live points, oldest first. */
  ofReplica(replicaId: string): ReplicaPointRecord[] {
    return this.points.filter((point) => !point.deleted && point.replicaId === replicaId)
  }

  #append(point: ReplicaPointRecord): ReplicaPointRecord[] {
    const key = `${point.replicaId}\u0000${point.vmName}`
    let chain = this.#chains.get(key)
    if (chain === undefined) {
      chain = []
      this.#chains.set(key, chain)
    }
    chain.push(point)
    this.points.push(point)
    this.#byId.set(point.id, point)
    return chain
  }
}
