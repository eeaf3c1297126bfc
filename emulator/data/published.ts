// What EM's database holds when it lags its backup servers (em-api.md §6.6, §15): copies of the sessions and
// task sessions as they were at each server's last data collection. Finished sessions never change again, so a
// collection copies only what is new since the server's last one and what was still running then.

import type { ReplicaSessionRecord, TaskSessionRecord } from './records.ts'

/** The live data a collection copies from. */
export interface LiveData {
  readonly sessions: readonly ReplicaSessionRecord[]
  sessionById(id: string): ReplicaSessionRecord | undefined
  tasksOf(sessionId: string): readonly TaskSessionRecord[]
}

export class Published {
  readonly sessions: ReplicaSessionRecord[] = []
  readonly tasks: TaskSessionRecord[] = []
  readonly #sessionAt = new Map<string, number>()
  readonly #taskAt = new Map<string, number>()
  /** Positions in `tasks` of each published session's tasks, in VM order. */
  readonly #tasksAt = new Map<string, number[]>()
  /** Published sessions that were still running when copied: the next collection of their server copies them again. */
  readonly #unsettled = new Set<string>()
  /** How far into the live session list a collection of every server has looked, and per server beyond that. */
  #scannedByAll = 0
  readonly #scanned = new Map<string, number>()

  sessionById(id: string): ReplicaSessionRecord | undefined {
    const at = this.#sessionAt.get(id)
    return at === undefined ? undefined : this.sessions[at]
  }

  taskById(id: string): TaskSessionRecord | undefined {
    const at = this.#taskAt.get(id)
    return at === undefined ? undefined : this.tasks[at]
  }

  tasksOf(sessionId: string): TaskSessionRecord[] {
    return (this.#tasksAt.get(sessionId) ?? []).flatMap((at) => this.tasks[at] ?? [])
  }

  /** Copies the live state of these servers' sessions (every server's when `servers` is null); true when anything changed. */
  collect(live: LiveData, servers: ReadonlySet<string> | null): boolean {
    const includes = (serverId: string) => servers === null || servers.has(serverId)
    const scannedFor = (serverId: string) => this.#scanned.get(serverId) ?? this.#scannedByAll
    let changed = false
    for (const id of [...this.#unsettled]) {
      const session = live.sessionById(id)
      if (session === undefined || !includes(session.backupServerId)) continue
      this.#copy(live, session)
      changed = true
    }
    // Sessions only ever join the end of the live list, so each server's collection starts where its last one ended.
    const from =
      servers === null
        ? this.#scannedByAll
        : [...servers].reduce((low, id) => Math.min(low, scannedFor(id)), live.sessions.length)
    for (let i = from; i < live.sessions.length; i++) {
      const session = live.sessions[i]
      if (session === undefined || !includes(session.backupServerId)) continue
      if (i < scannedFor(session.backupServerId) || this.#sessionAt.has(session.id)) continue
      this.#copy(live, session)
      changed = true
    }
    if (servers === null) {
      this.#scannedByAll = live.sessions.length
      this.#scanned.clear()
    } else {
      for (const id of servers) this.#scanned.set(id, live.sessions.length)
    }
    return changed
  }

  #copy(live: LiveData, session: ReplicaSessionRecord): void {
    const copy = { ...session }
    const at = this.#sessionAt.get(session.id)
    if (at === undefined) {
      this.#sessionAt.set(session.id, this.sessions.length)
      this.sessions.push(copy)
    } else {
      this.sessions[at] = copy
    }
    const positions = this.#tasksAt.get(session.id) ?? []
    live.tasksOf(session.id).forEach((task, index) => {
      const known = positions[index]
      if (known === undefined) {
        positions.push(this.tasks.length)
        this.#taskAt.set(task.id, this.tasks.length)
        this.tasks.push({ ...task })
      } else {
        this.tasks[known] = { ...task }
      }
    })
    this.#tasksAt.set(session.id, positions)
    if (session.state === 'Stopped') this.#unsettled.delete(session.id)
    else this.#unsettled.add(session.id)
  }
}
