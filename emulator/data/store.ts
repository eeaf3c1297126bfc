// The emulator's only copy of its data: generated records, id indexes and the live clock that advances them.

import type { QuerySource } from '../query/query-source.ts'
import { type GeneratedRun, generate } from './generator.ts'
import { catchUp, type JobClock, nextEventAt } from './job-clock.ts'
import type {
  BackupServerRecord,
  JobRecord,
  Micros,
  ReplicaSessionRecord,
  TaskSessionRecord,
} from './records.ts'
import { applyAt, type LiveRun } from './run-state.ts'

export interface StoreOptions {
  seed: number
  /** Target session count; default 3,000. */
  sessions?: number
  now: Micros
}

export interface Store extends QuerySource {
  serverById(id: string): BackupServerRecord | undefined
  jobById(id: string): JobRecord | undefined
  taskById(id: string): TaskSessionRecord | undefined
  /** The session's task sessions in VM order; empty for an unknown id. */
  tasksOfSession(sessionId: string): TaskSessionRecord[]
  /** Moves running sessions to `now` and starts scheduled ones; cheap (O(running)) when no run starts or ends. */
  advance(now: Micros): void
  /** Regenerates the data from the original seed, relative to `now`. */
  reset(now: Micros): void
}

class World {
  readonly servers: BackupServerRecord[]
  readonly jobs: JobRecord[]
  readonly sessions: ReplicaSessionRecord[] = []
  readonly tasks: TaskSessionRecord[] = []
  readonly clocks: JobClock[]
  readonly serverIndex: Map<string, BackupServerRecord>
  readonly jobIndex: Map<string, JobRecord>
  readonly sessionIndex = new Map<string, number>()
  readonly taskIndex = new Map<string, TaskSessionRecord>()
  /** Tasks of session i are tasks[taskStart[i]] up to the next session's start: runs append their tasks together. */
  readonly taskStart: number[] = []
  running: LiveRun[] = []
  nextEvent = Number.POSITIVE_INFINITY
  now: Micros

  constructor(options: StoreOptions) {
    const data = generate(options)
    this.now = options.now
    this.servers = data.servers
    this.jobs = data.jobs
    this.clocks = data.clocks
    this.serverIndex = new Map(data.servers.map((server) => [server.id, server]))
    this.jobIndex = new Map(data.jobs.map((job) => [job.id, job]))
    this.append(data.runs)
    this.refreshSchedule()
  }

  append(runs: readonly GeneratedRun[]): void {
    for (const { session, tasks } of runs) {
      this.sessionIndex.set(session.id, this.sessions.length)
      this.sessions.push(session)
      this.taskStart.push(this.tasks.length)
      for (const task of tasks) {
        this.taskIndex.set(task.id, task)
        this.tasks.push(task)
      }
    }
  }

  refreshSchedule(): void {
    this.running = this.clocks.flatMap((clock) => (clock.current === null ? [] : [clock.current]))
    this.nextEvent = this.clocks.reduce(
      (soonest, clock) => Math.min(soonest, nextEventAt(clock)),
      Number.POSITIVE_INFINITY,
    )
  }

  /** True when any record changed. */
  advance(now: Micros): boolean {
    if (!(now > this.now)) return false
    this.now = now
    let changed = false
    if (now >= this.nextEvent) {
      const started: LiveRun[] = []
      for (const clock of this.clocks) {
        if (nextEventAt(clock) > now) continue
        changed = catchUp(clock, now, (run) => started.push(run)) || changed
      }
      // Sessions stay ordered by creation time: every new run started after the previous `now`.
      started.sort((a, b) => a.plan.start - b.plan.start)
      this.append(started)
      this.refreshSchedule()
    }
    for (const run of this.running) changed = applyAt(run, now) || changed
    return changed
  }

  tasksOf(sessionId: string): TaskSessionRecord[] {
    const index = this.sessionIndex.get(sessionId)
    if (index === undefined) return []
    const start = this.taskStart[index] ?? 0
    const end = this.taskStart[index + 1] ?? this.tasks.length
    return this.tasks.slice(start, end)
  }
}

class LiveStore implements Store {
  readonly #options: StoreOptions
  #world: World
  #version = 0

  constructor(options: StoreOptions) {
    this.#options = options
    this.#world = new World(options)
  }

  get servers(): readonly BackupServerRecord[] {
    return this.#world.servers
  }
  get jobs(): readonly JobRecord[] {
    return this.#world.jobs
  }
  get sessions(): readonly ReplicaSessionRecord[] {
    return this.#world.sessions
  }
  get tasks(): readonly TaskSessionRecord[] {
    return this.#world.tasks
  }
  get version(): number {
    return this.#version
  }

  sessionById(id: string): ReplicaSessionRecord | undefined {
    const index = this.#world.sessionIndex.get(id)
    return index === undefined ? undefined : this.#world.sessions[index]
  }
  serverById(id: string): BackupServerRecord | undefined {
    return this.#world.serverIndex.get(id)
  }
  jobById(id: string): JobRecord | undefined {
    return this.#world.jobIndex.get(id)
  }
  taskById(id: string): TaskSessionRecord | undefined {
    return this.#world.taskIndex.get(id)
  }
  tasksOfSession(sessionId: string): TaskSessionRecord[] {
    return this.#world.tasksOf(sessionId)
  }

  advance(now: Micros): void {
    if (this.#world.advance(now)) this.#version++
  }

  reset(now: Micros): void {
    this.#world = new World({ ...this.#options, now })
    this.#version++
  }
}

/** A store generated from `options.seed` relative to `options.now`; see Store for the live clock. */
export function createStore(options: StoreOptions): Store {
  return new LiveStore(options)
}
