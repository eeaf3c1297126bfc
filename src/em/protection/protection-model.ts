// The protection view as a pure function of EM's answers (issue 14): one row per replicated VM and job, its
// status from its newest replica point (em-api.md §11), its runs (retries folded) and its job's silence.
import { idFromUid } from '@/em/link-resolver.ts'
import type { ReplicaTaskSession } from '@/em/parse-task-session.ts'
import { PAGE_BUDGET } from '@/em/protection-queries.ts'
import { formatAge } from '@/lib/format-time.ts'
import { compareText } from './compare-text.ts'
import { indexJobs, type JobEntry } from './job-index.ts'
import { jobSilence, type Silence } from './job-silence.ts'
import { describeLimits } from './limits.ts'
import type {
  ProtectionInput,
  ProtectionRow,
  ProtectionStatus,
  ProtectionView,
  ReasonGroup,
  TaskSummary,
} from './protection-types.ts'
import { STATUSES } from './protection-types.ts'
import { normalizeReason } from './reasons.ts'
import { failingStreak, foldRuns, lastSuccessOf, type Run, vmRuns } from './runs.ts'
import { indexVms, type VmEntry, type VmIndex } from './vm-index.ts'

const HOUR = 3_600_000
// A point up to this far ahead of the browser's clock is taken as "now"; beyond it the skew is worth a note.
const SKEW_NOTE = 5 * 60_000

function summary(task: ReplicaTaskSession): TaskSummary {
  return {
    uid: task.uid,
    sessionId: idFromUid(task.jobSessionUid),
    result: task.result,
    state: task.state,
    time: task.creationTime,
    endTime: task.endTime,
    reason: task.reason,
    fromPoint: false,
  }
}

// The newest run: the newest task, unless a success ended after it (a later run, or its retry, left a point).
function latestRun(
  latest: ReplicaTaskSession | null,
  lastSuccess: number | null,
  lastPoint: number | null,
): TaskSummary | null {
  const taskEnd = latest ? (latest.endTime ?? latest.creationTime) : null
  if (latest && (lastSuccess === null || taskEnd === null || taskEnd >= lastSuccess)) return summary(latest)
  if (lastPoint === null || (lastSuccess !== null && lastSuccess > lastPoint))
    return latest ? summary(latest) : null
  return {
    uid: null,
    sessionId: null,
    result: 'Success',
    state: 'Completed',
    time: lastPoint,
    endTime: null,
    reason: '',
    fromPoint: true,
  }
}

function runsByJob(runOf: ReadonlyMap<string, Run>): Map<string, Run[]> {
  const byJob = new Map<string, Run[]>()
  for (const run of new Set(runOf.values())) {
    const key = run.jobUid.toLowerCase()
    const runs = byJob.get(key)
    if (runs) runs.push(run)
    else byJob.set(key, [run])
  }
  for (const runs of byJob.values()) runs.sort((a, b) => a.start - b.start)
  return byJob
}

interface Context {
  input: ProtectionInput
  rpoMs: number
  riskMs: number
  silence: Map<JobEntry, Silence>
  runOf: ReadonlyMap<string, Run>
  jobRuns: Map<string, Run[]>
  asked: ReadonlySet<string>
}

function pointStatus(ageMs: number, context: Context): ProtectionStatus {
  if (ageMs > context.rpoMs) return 'outOfRpo'
  return ageMs > context.riskMs ? 'atRisk' : 'protected'
}

function rowOf(vm: VmEntry, context: Context): ProtectionRow | 'hidden' {
  const { input } = context
  const { now } = input
  const job = vm.job
  const runsOfJob = context.jobRuns.get((job.uid ?? '').toLowerCase()) ?? []
  const lastPoint = vm.points.reduce<number | null>(
    (max, p) => (max === null || p.creationTime > max ? p.creationTime : max),
    null,
  )
  // In the job's runs of the window: a task there, or a point (every success leaves one, em-api.md §11.2).
  const inRuns = vm.tasks.length > 0 || (lastPoint !== null && lastPoint >= now - input.windowHours * HOUR)
  // No longer in the job: its includes (VMs only, no container) do not name it, and no run in the window had it.
  const listed = job.vmIncludes !== null && job.vmIncludes.length > 0 && job.containers.length === 0
  if (listed && !vm.included && !inRuns && runsOfJob.length > 0) return 'hidden'
  const runs = vmRuns(vm.tasks, context.runOf)
  const lastSuccess = lastSuccessOf(vm.tasks, lastPoint)
  const failedRuns = failingStreak(runs, lastSuccess)
  const latest = vm.tasks.reduce<ReplicaTaskSession | null>(
    (a, b) => (a && a.creationTime >= b.creationTime ? a : b),
    null,
  )
  const notes: string[] = []
  if (lastPoint !== null && lastPoint > now + SKEW_NOTE)
    notes.push(
      `The newest point is ${formatAge(lastPoint - now)} in the future: EM's clock is ahead of this one.`,
    )
  if (job.vmIncludes === null && !inRuns && runsOfJob.length >= 2)
    notes.push(`Not in the job's last ${runsOfJob.length} runs: removed from the job, or renamed?`)
  const ageMs = lastPoint === null ? null : Math.max(0, now - lastPoint)
  const certainNone = input.points.exhausted || context.asked.has(vm.vmName.toLowerCase())
  // No success inside the window: the streak is every run the window shows, and may reach further back.
  const windowStart = now - input.windowHours * HOUR
  const streakOpen = failedRuns > 0 && (lastSuccess === null || lastSuccess < windowStart)
  const runsText = failedRuns === 1 ? 'run' : `${failedRuns} runs`
  const streak =
    failedRuns === 0
      ? ''
      : streakOpen
        ? `; failed in all ${failedRuns === 1 ? 'its run' : runsText} of the last ${formatAge(now - windowStart)}`
        : `; failed in the last ${runsText}`
  let status: ProtectionStatus
  let detail: string
  const silence = context.silence.get(job) ?? { silent: false }
  if (silence.silent) {
    status = 'jobSilent'
    detail = `Job ${silence.detail}`
  } else if (ageMs !== null) {
    status = pointStatus(ageMs, context)
    detail = `Newest point ${formatAge(ageMs)} old${streak}`
  } else if (certainNone) {
    status = 'neverReplicated'
    detail =
      vm.tasks.length > 0
        ? `No replica point; ${runs.length === 1 ? 'its run' : `all ${runs.length} runs`} failed`
        : "In the job's includes, never processed"
  } else {
    // Older points were not read: past the RPO that is Out of RPO for sure; within it nobody can tell.
    const span = now - input.points.coveredFrom
    status = span >= context.rpoMs ? 'outOfRpo' : 'atRisk'
    detail = `No point in the last ${formatAge(span)}${span >= context.rpoMs ? '' : ' (older points not read)'}${streak}`
  }
  const newestRun = latestRun(latest, lastSuccess, lastPoint)
  // The reason of the newest run when it failed or warned, for the row and the groups.
  const finished =
    newestRun?.fromPoint === false && latest && ['Warning', 'Failed'].includes(latest.result) ? latest : null
  const normalized = finished ? normalizeReason(finished.reason) : null
  return {
    key: vm.key,
    vmName: vm.vmName,
    jobName: job.name,
    jobUid: job.uid,
    serverName: job.serverName,
    platform: job.platform,
    status,
    detail,
    lastPoint,
    ageMs,
    olderThan: lastPoint === null && !certainNone ? input.points.coveredFrom : null,
    latestTask: newestRun,
    failedRuns,
    streakOpen,
    reason: normalized && finished ? { ...normalized, text: finished.reason } : null,
    notes,
  }
}

const RANK = new Map(STATUSES.map((status, i) => [status, i]))

/** Worst first: status, then the oldest (or missing) point, then VM name. */
export function worstFirst(a: ProtectionRow, b: ProtectionRow): number {
  return (
    (RANK.get(a.status) ?? 0) - (RANK.get(b.status) ?? 0) ||
    (b.ageMs ?? Number.POSITIVE_INFINITY) - (a.ageMs ?? Number.POSITIVE_INFINITY) ||
    compareText(a.vmName, b.vmName)
  )
}

function groupsOf(rows: readonly ProtectionRow[]): ReasonGroup[] {
  const groups = new Map<string, ReasonGroup>()
  for (const row of rows) {
    if (row.failedRuns === 0 || row.reason === null) continue
    const key = `${(row.serverName ?? '').toLowerCase()}|${row.reason.key}`
    const group = groups.get(key) ?? {
      key: row.reason.key,
      serverName: row.serverName,
      label: row.reason.label,
      count: 0,
    }
    group.count += 1
    groups.set(key, group)
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || compareText(a.label, b.label))
}

// VMs per slice: a slice takes a few milliseconds, so a caller that yields between slices never blocks the browser.
const SLICE = 200

/**
 * computeProtection in steps: it yields after preparing, after every slice of VMs and after sorting, so a caller
 * (compute-in-slices.ts) can let the browser paint and answer input in between. The same result either way.
 */
export function* protectionSteps(input: ProtectionInput): Generator<void, ProtectionView> {
  const rpoMs = input.rpoHours * HOUR
  // Preparing 2,000 VMs is three passes of tens of ms each on a busy laptop: one task each.
  const jobs = indexJobs({
    jobs: input.jobs.state === 'ok' ? input.jobs.data : null,
    replicas: input.replicas,
    sessions: input.sessions.items,
    includes: input.includes.state === 'ok' ? input.includes.data : null,
  })
  yield
  const points = [...input.points.items, ...(input.olderPoints?.items ?? [])]
  const { vms, orphanTasks } = indexVms({
    jobs,
    tasks: input.tasks.items,
    sessions: input.sessions.items,
    points,
    replicas: input.replicas,
  })
  yield
  // Asked once, from the window's answers alone: the lookup that follows must not change its own question.
  const lookups = input.olderPoints === null ? lookupsOf(input, vms) : NO_LOOKUPS
  yield
  const runOf = foldRuns(input.sessions.items)
  const jobRuns = runsByJob(runOf)
  const silence = new Map<JobEntry, Silence>()
  for (const job of jobs.entries) {
    const runs = jobRuns.get((job.uid ?? '').toLowerCase()) ?? []
    const facts = {
      scheduleEnabled: job.job?.scheduleEnabled ?? null,
      scheduleConfigured: job.job?.scheduleConfigured ?? null,
      nextRun: job.job?.nextRun ?? null,
      runStarts: runs.map((run) => run.start),
      running: runs.some((run) => run.result === 'None'),
    }
    silence.set(job, jobSilence(facts, { now: input.now, sessionsFrom: input.sessions.coveredFrom, rpoMs }))
  }
  const asked = new Set((input.olderPoints?.asked ?? []).map((name) => name.toLowerCase()))
  const context: Context = {
    input,
    rpoMs,
    riskMs: (rpoMs * input.riskPercent) / 100,
    silence,
    runOf,
    jobRuns,
    asked,
  }
  const rows: ProtectionRow[] = []
  let hidden = 0
  let done = 0
  for (const vm of vms.entries.values()) {
    const row = rowOf(vm, context)
    if (row === 'hidden') hidden += 1
    else rows.push(row)
    done += 1
    if (done % SLICE === 0) yield
  }
  rows.sort(worstFirst)
  yield
  const counts: Record<ProtectionStatus, number> = {
    outOfRpo: 0,
    neverReplicated: 0,
    jobSilent: 0,
    atRisk: 0,
    protected: 0,
  }
  for (const row of rows) counts[row.status] += 1
  const pointed = rows.filter((row) => row.lastPoint !== null)
  const unasked = rows.filter((row) => row.olderThan !== null).length
  return {
    rows,
    counts,
    oldestPoint: pointed.reduce<number | null>(
      (min, row) => (min === null || (row.lastPoint ?? min) < min ? row.lastPoint : min),
      null,
    ),
    withinRpoShare:
      rows.length === 0
        ? null
        : rows.filter((row) => row.ageMs !== null && row.ageMs <= rpoMs).length / rows.length,
    groups: groupsOf(rows),
    limits: describeLimits(input, jobs, { orphanTasks, unasked }),
    hidden,
    partial: input.includes.state !== 'ok' || !input.points.complete || unasked > 0,
    lowerBounds: [
      ...(input.includes.state === 'ok' ? [] : (['neverReplicated'] as const)),
      ...(input.jobs.state === 'ok' ? [] : (['jobSilent'] as const)),
    ],
    lookups,
  }
}

/** Rows, counts, reason groups and blind spots of the protection view for one set of EM answers, at once. */
export function computeProtection(input: ProtectionInput): ProtectionView {
  const steps = protectionSteps(input)
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

const NO_LOOKUPS: ProtectionView['lookups'] = { vmNames: [], replicaUids: [] }

// What the window did not show: replicas without any point (a job stopped long ago: looked up whole), and the
// other VMs without a point (looked up by name).
function lookupsOf(input: ProtectionInput, vms: VmIndex): ProtectionView['lookups'] {
  const pointed = new Set(
    input.points.items.flatMap((point) => [
      point.replicaUid?.toLowerCase(),
      point.replicaName?.toLowerCase(),
    ]),
  )
  // As many as the budget looks up: the VMs of any other silent replica are asked for by name instead.
  const silent = input.replicas
    .filter((replica) => !pointed.has(replica.uid.toLowerCase()) && !pointed.has(replica.name.toLowerCase()))
    .slice(0, PAGE_BUDGET.silentReplicas)
  const wholly = new Set(
    silent.map(
      (replica) => `${(replica.backupServerName ?? '').toLowerCase()}|${replica.name.toLowerCase()}`,
    ),
  )
  const names = [...vms.entries.values()]
    .filter((vm) => vm.points.length === 0 && !wholly.has(vm.job.key))
    .map((vm) => vm.vmName)
  return {
    vmNames: [...new Set(names)].sort(compareText),
    replicaUids: silent.map((replica) => replica.uid),
  }
}

/** The lookups a first computation asks for (tests and callers that do not need the rows). */
export function lookupsNeeded(input: Omit<ProtectionInput, 'olderPoints'>): ProtectionView['lookups'] {
  return computeProtection({ ...input, olderPoints: null }).lookups
}
