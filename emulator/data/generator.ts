// The emulator's data: 3 backup servers, replica jobs and 45 days of their sessions up to `now`, the same for
// the same seed and `now`. The job clocks it returns carry on from there (store.ts advances them).

import { catchUp, type JobClock, maxRunFor } from './job-clock.ts'
import { draftJobs, type JobDraft } from './job-drafts.ts'
import type { JobPlan } from './job-plan.ts'
import { createServers } from './job-plan.ts'
import { draftLayout, type Layout } from './layout.ts'
import { JOB_AUTHORS } from './names.ts'
import { createRandom, mixSeed, type Random } from './random.ts'
import type {
  BackupServerRecord,
  IncludeRecord,
  JobRecord,
  Micros,
  ReplicaRecord,
  ReplicaSessionRecord,
  TaskSessionRecord,
} from './records.ts'
import { createIncludes, createReplicas } from './replicas.ts'
import { drawDuration } from './run-plan.ts'
import {
  pickIncludeCases,
  pickStall,
  pickStuck,
  type ScenarioPicks,
  withoutStalledRuns,
} from './scenarios.ts'
import { descriptionTime, MICROS_PER_DAY, MICROS_PER_MINUTE, MICROS_PER_SECOND } from './time-text.ts'

export interface GeneratorOptions {
  seed: number
  /** Target number of replica job sessions (retries included); default 3,000. */
  sessions?: number
  /** Jobs, VMs and days of history instead of a session count (the bench's large data set). */
  layout?: Layout
  now: Micros
}

export interface GeneratedRun {
  session: ReplicaSessionRecord
  tasks: TaskSessionRecord[]
}

export interface GeneratedData {
  servers: BackupServerRecord[]
  jobs: JobRecord[]
  /** Every run with its tasks, ordered by session creation time. */
  runs: GeneratedRun[]
  clocks: JobClock[]
  /** Per job, in job order: its plan (retention, VM sizes), for the store's live replica points. */
  plans: JobPlan[]
  replicas: ReplicaRecord[]
  includes: IncludeRecord[]
  scenarios: ScenarioPicks
}

export const DEFAULT_SESSIONS = 3000
// Retries add about 3% on top of the scheduled runs.
const RETRY_SHARE = 1.03

// Past this many sessions a run only gets tasks for its first few VMs, keeping 200k sessions in memory.
function taskLimitFor(sessions: number): number {
  return sessions <= 25_000 ? 15 : Math.max(2, Math.floor((15 * 25_000) / sessions))
}

function chooseRunning(rng: Random, drafts: readonly JobDraft[]): Set<number> {
  const eligible = drafts.flatMap((draft, i) =>
    draft.count > 0 && draft.plan.record.scheduleEnabled ? [i] : [],
  )
  const running = new Set<number>()
  const wanted = Math.min(rng.int(2, 4), eligible.length)
  while (running.size < wanted) running.add(rng.pick(eligible))
  return running
}

/** Generates servers, jobs and their session history for `options.seed`, relative to `options.now`. */
export function generate(options: GeneratorOptions): GeneratedData {
  const { seed, now } = options
  const target = Math.max(0, Math.round(options.sessions ?? DEFAULT_SESSIONS))
  const scheduled = Math.round(target / RETRY_SHARE)
  const rng = createRandom(mixSeed(seed, 1))
  const servers = createServers(rng)
  const drafts = options.layout
    ? draftLayout(rng, servers, options.layout, now)
    : draftJobs(rng, servers, scheduled, now)
  const running = chooseRunning(rng, drafts)
  const taskLimit = options.layout ? Number.MAX_SAFE_INTEGER : taskLimitFor(target)
  // The protection scenarios draw from a stream of their own: every other job's history stays as it was.
  const scenarioRng = createRandom(mixSeed(seed, 3))
  const stuck = pickStuck(scenarioRng, drafts, running, now)
  const runs: GeneratedRun[] = []
  const clocks = drafts.map((draft, index) => {
    const clock = replayJob(
      { draft, index, seed, count: draft.count, running: running.has(index), taskLimit },
      runs,
    )
    const created = clock.firstStart - clock.rng.int(MICROS_PER_DAY / 24, 30 * MICROS_PER_DAY)
    draft.plan.record.description = `Created by ${clock.rng.pick(JOB_AUTHORS)} at ${descriptionTime(created)}.`
    return clock.clock
  })
  // One disabled job lost its schedule altogether: a manual-only job.
  const manual = drafts.find((d) => !d.plan.record.scheduleEnabled)
  if (manual !== undefined && rng.chance(0.5)) manual.plan.record.scheduleConfigured = false
  const stall = pickStall({ rng: scenarioRng, drafts, clocks, running, taken: [stuck], now })
  const stalledJob = stall === null ? undefined : drafts[stall.index]?.plan.record.id
  const kept =
    stall === null || stalledJob === undefined ? runs : withoutStalledRuns(runs, stalledJob, stall.since)
  kept.sort((a, b) => a.session.creationTime - b.session.creationTime)
  const cases = pickIncludeCases(scenarioRng, drafts, [stuck, stall?.index ?? null])
  const scenarios: ScenarioPicks = { stuck, stalled: stall?.index ?? null, ...cases }
  const plans = drafts.map((d) => d.plan)
  const jobs = plans.map((plan) => plan.record)
  return {
    servers,
    jobs,
    runs: kept,
    clocks,
    plans,
    replicas: createReplicas(seed, plans, servers),
    includes: createIncludes(seed, jobs, scenarios),
    scenarios,
  }
}

interface ReplayInput {
  draft: JobDraft
  index: number
  seed: number
  count: number
  running: boolean
  taskLimit: number
}

// Places the job's last slot so that its last run is in progress at `until` (or finished by then), then replays
// `count` slots up to `until`.
function replayJob(
  input: ReplayInput,
  runs: GeneratedRun[],
): { clock: JobClock; rng: Random; firstStart: Micros } {
  const { draft, count } = input
  const { plan, until } = draft
  const rng = createRandom(mixSeed(input.seed, 2, input.index))
  const interval = plan.intervalMicros
  const lastDuration = Math.min(drawDuration(rng, plan.vmSizes.length), maxRunFor(plan))
  const sec = MICROS_PER_SECOND
  // A run starts up to 15 s after its slot; slots are whole minutes, so allow a minute of rounding.
  const elapsed = input.running
    ? rng.int(45 * sec, lastDuration - 90 * sec)
    : rng.int(lastDuration + 45 * sec, interval - 90 * sec)
  const lastSlot = Math.floor((until - elapsed) / MICROS_PER_MINUTE) * MICROS_PER_MINUTE
  const firstSlot = count > 0 ? lastSlot - (count - 1) * interval : lastSlot + interval
  const history = count > 0 ? firstSlot : until
  const clock: JobClock = {
    job: plan,
    rng,
    enabled: true,
    slot: firstSlot,
    current: null,
    pending: null,
    taskLimit: input.taskLimit,
    forced: { slot: lastSlot, duration: lastDuration },
    quietAt: until,
  }
  catchUp(clock, until, (run) => {
    runs.push({ session: run.session, tasks: run.tasks })
  })
  clock.forced = null
  clock.quietAt = null
  if (plan.record.scheduleEnabled) {
    plan.record.nextRun = clock.slot
  } else {
    clock.enabled = false
    clock.pending = null
    plan.record.nextRun = null
  }
  return { clock, rng, firstStart: history }
}
