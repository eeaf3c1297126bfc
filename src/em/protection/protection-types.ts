// What the protection computation reads and what it answers: EM's parsed answers in, rows and counts out.
import type { Job } from '@/em/parse-job.ts'
import type { ObjectInJob } from '@/em/parse-object-in-job.ts'
import type { Replica } from '@/em/parse-replica.ts'
import type { VmReplicaPoint } from '@/em/parse-replica-point.ts'
import type { ReplicaJobSession } from '@/em/parse-session.ts'
import type { ReplicaTaskSession } from '@/em/parse-task-session.ts'

/** An answer a role may be refused: `denied` is EM's 403 (em-api.md §10), `failed` any other error. */
export type Readable<T> =
  | { state: 'ok'; data: T }
  | { state: 'denied'; message: string }
  | { state: 'failed'; message: string }
  | { state: 'loading' }

/** Newest-first items that are complete back to `coveredFrom`. */
export interface Windowed<T> {
  items: readonly T[]
  coveredFrom: number
  complete: boolean
  /** Every item EM holds was read (no page was left). */
  exhausted: boolean
}

export interface ProtectionInput {
  now: number
  rpoHours: number
  /** "At risk" from this share of the RPO, in percent. */
  riskPercent: number
  windowHours: number
  /** Replica points, newest first: every success of a VM leaves one (em-api.md §11.2). */
  points: Windowed<VmReplicaPoint>
  /** The newest points of VMs (by name) and replicas (by UID) the window did not show; null while not asked. */
  olderPoints: {
    asked: readonly string[]
    askedReplicas?: readonly string[]
    items: readonly VmReplicaPoint[]
  } | null
  /** Task sessions that failed, warned or still run (successes are told by points); Success ones are read too. */
  tasks: Windowed<ReplicaTaskSession>
  sessions: Windowed<ReplicaJobSession>
  replicas: readonly Replica[]
  jobs: Readable<readonly Job[]>
  includes: Readable<readonly ObjectInJob[]>
}

/** Worst first: the order of the table and the summary. */
export const STATUSES = ['outOfRpo', 'neverReplicated', 'jobSilent', 'atRisk', 'protected'] as const
export type ProtectionStatus = (typeof STATUSES)[number]

export const STATUS_LABELS: Readonly<Record<ProtectionStatus, string>> = {
  outOfRpo: 'Out of RPO',
  neverReplicated: 'Never replicated',
  jobSilent: 'Job silent',
  atRisk: 'At risk',
  protected: 'Protected',
}

export interface TaskSummary {
  /** The task session's UID; null when the run is known from its replica point only. */
  uid: string | null
  /** Lower-case GUID of the job session (the detail view's `/sessions/$id`); null from a point. */
  sessionId: string | null
  result: string
  state: string
  time: number
  endTime: number | null
  reason: string
  /**
   * True when the newest run is told by its replica point: EM is asked only for the tasks that did not succeed
   * (protection-queries.ts), and a point exists only where a task succeeded or warned (em-api.md §11.2).
   */
  fromPoint: boolean
}

export interface ProtectionRow {
  /** server|job|vm, lower-case. */
  key: string
  vmName: string
  jobName: string
  jobUid: string | null
  serverName: string | null
  platform: string | null
  status: ProtectionStatus
  /** Why, in words: "no replica point for 3 d", "schedule disabled". */
  detail: string
  /** Epoch ms of the newest replica point, or null when none is known. */
  lastPoint: number | null
  /** now − lastPoint (never negative); null without a point. */
  ageMs: number | null
  /** Without a known point: the point, if any, is older than this (the oldest time looked at). */
  olderThan: number | null
  latestTask: TaskSummary | null
  /** How many of its newest runs failed in a row (retries folded), since its last success. */
  failedRuns: number
  /** No success within the window: every run it shows failed, and the streak may reach further back. */
  streakOpen: boolean
  /** The newest failed or warning run's reason, normalised for grouping. */
  reason: { key: string; label: string; text: string } | null
  notes: string[]
}

export interface ReasonGroup {
  key: string
  serverName: string | null
  label: string
  count: number
}

export interface ProtectionView {
  rows: ProtectionRow[]
  counts: Readonly<Record<ProtectionStatus, number>>
  /** The oldest newest-point among the rows: the worst exposure. */
  oldestPoint: number | null
  /** Rows whose newest point is within the RPO, as a share 0–1; null without rows. */
  withinRpoShare: number | null
  /** Failing VMs by backup server and normalised reason, largest first. */
  groups: ReasonGroup[]
  /** What this view cannot see, in plain words (unreadable resources, budgets reached, EM limits). */
  limits: string[]
  /** VMs dropped because the job's includes no longer name them (removed from the job or renamed). */
  hidden: number
  /**
   * True when some VMs may be missing or unsure: includes unreadable (VMs never processed stay unseen), points read
   * back only part of the way, or VMs without a point not looked up. Counts are then lower bounds.
   */
  partial: boolean
  /**
   * Statuses whose count is only a lower bound because EM refused what they rest on: Never replicated without the
   * includes, Job silent without the schedules (a Portal User, em-api.md §10). Their counts must not read as "none".
   */
  lowerBounds: ProtectionStatus[]
  /** What to look up further (computed when `olderPoints` is null): VM names and whole replicas without a point. */
  lookups: { vmNames: string[]; replicaUids: string[] }
}
