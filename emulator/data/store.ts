// The emulator's only copy of its data: generated records, id indexes and the live clock that advances them.

import type { QuerySource } from '../query/query-source.ts'
import { type GeneratedRun, generate } from './generator.ts'
import {
  type ActionOutcome,
  type ActionWorld,
  type RunOptions,
  retryJob,
  startJob,
  stopJob,
} from './job-actions.ts'
import { catchUp, type JobClock, nextEventAt } from './job-clock.ts'
import type { Layout } from './layout.ts'
import { type ChainOwner, PointBook } from './point-book.ts'
import { Published } from './published.ts'
import { createRandom, mixSeed, type Random } from './random.ts'
import type {
  BackupServerRecord,
  IncludeRecord,
  JobRecord,
  Micros,
  ReplicaPointRecord,
  ReplicaRecord,
  ReplicaSessionRecord,
  TaskSessionRecord,
} from './records.ts'
import { applyAt, type LiveRun } from './run-state.ts'

export interface StoreOptions {
  seed: number
  /** Target session count; default 3,000. */
  sessions?: number
  /** Jobs, VMs and days instead of a session count (generator.ts). */
  layout?: Layout
  now: Micros
}

export interface Store extends QuerySource {
  readonly replicas: readonly ReplicaRecord[]
  readonly points: readonly ReplicaPointRecord[]
  readonly includes: readonly IncludeRecord[]
  serverById(id: string): BackupServerRecord | undefined
  jobById(id: string): JobRecord | undefined
  taskById(id: string): TaskSessionRecord | undefined
  /** The session's task sessions in VM order; empty for an unknown id. */
  tasksOfSession(sessionId: string): TaskSessionRecord[]
  replicaById(id: string): ReplicaRecord | undefined
  /** A live (not retention-deleted) replica point. */
  pointById(id: string): ReplicaPointRecord | undefined
  /** A replica's live points, oldest first. */
  pointsOfReplica(replicaId: string): ReplicaPointRecord[]
  /** A job's includes in their order; empty for an unknown job. */
  includesOfJob(jobId: string): IncludeRecord[]
  /**
   * Moves running sessions to `now`, starts scheduled ones, and runs what `schedule` and data collection put on
   * the way, in time order; cheap (O(running)) when no run starts or ends.
   */
  advance(now: Micros): void
  /** Regenerates the data from the original seed, relative to `now`; scheduled effects are dropped. */
  reset(now: Micros): void
  /** Runs `effect` when the store's time reaches `at` (after everything due before); the result cancels it. */
  schedule(at: Micros, effect: () => void): () => void
  /** VBR's job actions (em-api.md §13.1), applied at the store's current time. */
  startJob(jobId: string, options: RunOptions): ActionOutcome
  stopJob(jobId: string): ActionOutcome
  retryJob(jobId: string, options: RunOptions): ActionOutcome
  /**
   * EM's data collection (em-api.md §6.6, §15): null shows every change at once (the default); a number of
   * microseconds publishes what the backup servers did only at each collection, that often, from `now` on;
   * 'manual' only when `collect` asks.
   */
  setCollection(every: Micros | 'manual' | null, now: Micros): void
  /** Collects one backup server's data now (every server's with null); nothing to do when changes show at once. */
  collect(serverId: string | null): void
}

type Collection = { every: Micros | 'manual'; nextAt: Micros; published: Published }

class World {
  readonly servers: BackupServerRecord[]
  readonly jobs: JobRecord[]
  readonly sessions: ReplicaSessionRecord[] = []
  readonly tasks: TaskSessionRecord[] = []
  readonly clocks: JobClock[]
  readonly replicas: ReplicaRecord[]
  readonly includes: IncludeRecord[]
  readonly book = new PointBook()
  readonly serverIndex: Map<string, BackupServerRecord>
  readonly jobIndex: Map<string, JobRecord>
  readonly replicaIndex: Map<string, ReplicaRecord>
  /** Replica and retention of each job, for the points its tasks leave. */
  readonly owners = new Map<string, ChainOwner>()
  /** Tasks of live runs whose end was already looked at, so each leaves at most one point. */
  readonly pointed = new Set<string>()
  readonly sessionIndex = new Map<string, number>()
  readonly taskIndex = new Map<string, TaskSessionRecord>()
  /** Tasks of session i are tasks[taskStart[i]] up to the next session's start: runs append their tasks together. */
  readonly taskStart: number[] = []
  running: LiveRun[] = []
  nextEvent = Number.POSITIVE_INFINITY
  now: Micros
  readonly actionRng: Random
  readonly clockIndex: Map<string, JobClock>

  constructor(options: StoreOptions) {
    const data = generate(options)
    this.now = options.now
    this.actionRng = createRandom(mixSeed(options.seed, 3))
    this.clockIndex = new Map(data.clocks.map((clock) => [clock.job.record.id, clock]))
    this.servers = data.servers
    this.jobs = data.jobs
    this.clocks = data.clocks
    this.replicas = data.replicas
    this.includes = data.includes
    this.serverIndex = new Map(data.servers.map((server) => [server.id, server]))
    this.jobIndex = new Map(data.jobs.map((job) => [job.id, job]))
    this.replicaIndex = new Map(data.replicas.map((replica) => [replica.id, replica]))
    data.plans.forEach((plan, i) => {
      const replica = data.replicas[i]
      if (replica) this.owners.set(plan.record.id, { replica, retention: plan.retention })
    })
    this.append(data.runs)
    this.refreshSchedule()
    this.book.fill(this.finishedTasksNewestFirst())
    // fill() already made the points of the running runs' finished tasks.
    for (const run of this.running)
      for (const task of run.tasks) if (task.state === 'Completed') this.pointed.add(task.id)
  }

  *finishedTasksNewestFirst(): Generator<{ task: TaskSessionRecord; owner: ChainOwner }> {
    for (let i = this.sessions.length - 1; i >= 0; i--) {
      const owner = this.owners.get(this.sessions[i]?.jobId ?? '')
      if (owner === undefined) continue
      const start = this.taskStart[i] ?? 0
      const end = this.taskStart[i + 1] ?? this.tasks.length
      for (let t = end - 1; t >= start; t--) {
        const task = this.tasks[t]
        if (task !== undefined) yield { task, owner }
      }
    }
  }

  // A task that has just completed leaves its point (em-api.md §11.2); each task is looked at once.
  notePoints(runs: readonly LiveRun[]): void {
    for (const run of runs) {
      const owner = this.owners.get(run.session.jobId)
      for (const task of run.tasks) {
        if (task.state !== 'Completed' || this.pointed.has(task.id)) continue
        this.pointed.add(task.id)
        if (owner !== undefined) this.book.add(task, owner)
      }
      // A finished run is never looked at again: forget its tasks so the set stays small.
      if (run.session.state === 'Stopped') for (const task of run.tasks) this.pointed.delete(task.id)
    }
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
    const watched = this.running
    const started: LiveRun[] = []
    if (now >= this.nextEvent) {
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
    // Older runs first: a job's chain must receive its points in time order for retention to drop the oldest.
    this.notePoints(watched)
    this.notePoints(started)
    return changed
  }

  tasksOf(sessionId: string): TaskSessionRecord[] {
    const index = this.sessionIndex.get(sessionId)
    if (index === undefined) return []
    const start = this.taskStart[index] ?? 0
    const end = this.taskStart[index + 1] ?? this.tasks.length
    return this.tasks.slice(start, end)
  }

  sessionById(id: string): ReplicaSessionRecord | undefined {
    const index = this.sessionIndex.get(id)
    return index === undefined ? undefined : this.sessions[index]
  }

  /** What a job action may touch, at the world's current time. */
  actionWorld(): ActionWorld {
    return {
      now: this.now,
      rng: this.actionRng,
      clockOf: (jobId) => this.clockIndex.get(jobId),
      lastSessionOf: (jobId) => this.sessions.findLast((session) => session.jobId === jobId),
      tasksOf: (sessionId) => this.tasksOf(sessionId),
      startPending: (clock) => {
        const started: LiveRun[] = []
        catchUp(clock, this.now, (run) => started.push(run))
        this.append(started)
        this.refreshSchedule()
      },
      replan: () => this.refreshSchedule(),
    }
  }
}

interface Effect {
  at: Micros
  run: () => void
  cancelled: boolean
}

class LiveStore implements Store {
  readonly #options: StoreOptions
  #world: World
  #version = 0
  #effects: Effect[] = []
  #collection: Collection | null = null

  constructor(options: StoreOptions) {
    this.#options = options
    this.#world = new World(options)
  }

  // Readers see EM's database: the live records, or what the last collections copied of them (em-api.md §6.6).
  get servers(): readonly BackupServerRecord[] {
    return this.#world.servers
  }
  get jobs(): readonly JobRecord[] {
    return this.#world.jobs
  }
  get sessions(): readonly ReplicaSessionRecord[] {
    return this.#collection?.published.sessions ?? this.#world.sessions
  }
  get tasks(): readonly TaskSessionRecord[] {
    return this.#collection?.published.tasks ?? this.#world.tasks
  }
  get replicas(): readonly ReplicaRecord[] {
    return this.#world.replicas
  }
  /** Every point, deleted ones included until compaction: readers skip `deleted`. */
  get points(): readonly ReplicaPointRecord[] {
    return this.#world.book.points
  }
  get includes(): readonly IncludeRecord[] {
    return this.#world.includes
  }
  get version(): number {
    return this.#version
  }

  sessionById(id: string): ReplicaSessionRecord | undefined {
    return this.#collection ? this.#collection.published.sessionById(id) : this.#world.sessionById(id)
  }
  serverById(id: string): BackupServerRecord | undefined {
    return this.#world.serverIndex.get(id)
  }
  jobById(id: string): JobRecord | undefined {
    return this.#world.jobIndex.get(id)
  }
  taskById(id: string): TaskSessionRecord | undefined {
    return this.#collection ? this.#collection.published.taskById(id) : this.#world.taskIndex.get(id)
  }
  tasksOfSession(sessionId: string): TaskSessionRecord[] {
    return this.#collection ? this.#collection.published.tasksOf(sessionId) : this.#world.tasksOf(sessionId)
  }
  replicaById(id: string): ReplicaRecord | undefined {
    return this.#world.replicaIndex.get(id)
  }
  pointById(id: string): ReplicaPointRecord | undefined {
    return this.#world.book.byId(id)
  }
  pointsOfReplica(replicaId: string): ReplicaPointRecord[] {
    return this.#world.book.ofReplica(replicaId)
  }
  includesOfJob(jobId: string): IncludeRecord[] {
    return this.#world.includes.filter((include) => include.jobId === jobId)
  }

  advance(now: Micros): void {
    for (;;) {
      const effect = this.#effects[0]
      const collectAt = this.#nextCollection(now, effect?.at)
      const at = Math.min(effect?.at ?? Number.POSITIVE_INFINITY, collectAt)
      if (!(at <= now)) break
      this.#advanceWorld(at)
      if (effect !== undefined && effect.at === at) {
        this.#effects.shift()
        if (!effect.cancelled) effect.run()
        this.#version++
      } else if (this.#collection !== null && this.#collection.every !== 'manual') {
        this.#collection.nextAt = at + this.#collection.every
        this.collect(null)
      }
    }
    this.#advanceWorld(now)
  }

  // The next periodic collection; when several fall before `now` and the next effect, only the last one counts.
  #nextCollection(now: Micros, effectAt: Micros | undefined): Micros {
    const collection = this.#collection
    if (collection === null || collection.every === 'manual') return Number.POSITIVE_INFINITY
    const limit = Math.min(now, (effectAt ?? Number.POSITIVE_INFINITY) - 1)
    if (collection.nextAt <= limit) {
      const skipped = Math.floor((limit - collection.nextAt) / collection.every)
      collection.nextAt += skipped * collection.every
    }
    return collection.nextAt
  }

  #advanceWorld(now: Micros): void {
    if (this.#world.advance(now)) this.#version++
  }

  reset(now: Micros): void {
    this.#world = new World({ ...this.#options, now })
    this.#effects = []
    const every = this.#collection?.every ?? null
    this.#collection = null
    this.setCollection(every, now)
    this.#version++
  }

  schedule(at: Micros, run: () => void): () => void {
    const effect: Effect = { at, run, cancelled: false }
    const after = this.#effects.findIndex((queued) => queued.at > at)
    this.#effects.splice(after === -1 ? this.#effects.length : after, 0, effect)
    return () => {
      effect.cancelled = true
    }
  }

  startJob(jobId: string, options: RunOptions): ActionOutcome {
    return this.#act(() => startJob(this.#world.actionWorld(), jobId, options))
  }
  stopJob(jobId: string): ActionOutcome {
    return this.#act(() => stopJob(this.#world.actionWorld(), jobId))
  }
  retryJob(jobId: string, options: RunOptions): ActionOutcome {
    return this.#act(() => retryJob(this.#world.actionWorld(), jobId, options))
  }

  #act(action: () => ActionOutcome): ActionOutcome {
    const outcome = action()
    if (outcome.accepted) this.#version++
    return outcome
  }

  setCollection(every: Micros | 'manual' | null, now: Micros): void {
    const current = this.#collection
    if (every === null) {
      if (current !== null) this.#version++
      this.#collection = null
      return
    }
    if (current !== null && current.every === every) return
    // Switching on copies everything once: EM starts from what it has collected so far.
    const published = current?.published ?? new Published()
    this.#collection = {
      every,
      nextAt: every === 'manual' ? Number.POSITIVE_INFINITY : now + every,
      published,
    }
    if (current === null) this.collect(null)
    this.#version++
  }

  collect(serverId: string | null): void {
    const collection = this.#collection
    if (collection === null) return
    const servers = serverId === null ? null : new Set([serverId])
    if (collection.published.collect(this.#world, servers)) this.#version++
  }
}

/** A store generated from `options.seed` relative to `options.now`; see Store for the live clock. */
export function createStore(options: StoreOptions): Store {
  return new LiveStore(options)
}
