// The protection view's EM answers and the view computed from them, for the protection screen and the wall's
// "VMs out of RPO" tile alike (features may not import each other, so the one hook lives here, beside the
// queries it composes). Every request is one of protectionQueries' (a bounded page budget each); jobs and
// includes may be refused to a Portal User, which the view states.
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { describeEmError } from '@/em/describe-error.ts'
import { EmHttpError } from '@/em/errors.ts'
import { jobQueries } from '@/em/job-queries.ts'
import type { ObjectInJob } from '@/em/parse-object-in-job.ts'
import { protectionQueries } from '@/em/protection-queries.ts'
import { computeInSlices } from './compute-in-slices.ts'
import type { ProtectionInput, ProtectionView, Readable } from './protection-types.ts'

export interface ProtectionOptions {
  rpoHours: number
  riskPercent: number
  windowHours: number
  /** ms between refreshes; false for none. */
  refetchInterval: number | false
  /** Keep refreshing while the tab is hidden (a wall screen); a desk screen pauses. */
  background?: boolean
  /** False to wait (the wall reads its own sessions first); default true. */
  enabled?: boolean
}

export interface ProtectionState {
  view: ProtectionView | null
  /** The first answer that failed among those the view cannot do without. */
  error: unknown
  fetching: boolean
  /** VMs and replicas whose older points are being looked up (their rows may still change); 0 when done. */
  lookingUp: number
  /** When the oldest of the answers in use was received (epoch ms); 0 before any. */
  updatedAt: number
  refetch: () => void
}

/** An answer a role may be refused, as the model reads it: 403 is `denied` (em-api.md §10, §16). */
export function readable<T>(data: T | undefined, error: unknown): Readable<T> {
  if (data !== undefined) return { state: 'ok', data }
  if (error instanceof EmHttpError && error.status === 403)
    return { state: 'denied', message: error.emMessage ?? 'Access denied' }
  if (error) return { state: 'failed', message: describeEmError(error, 'EM did not answer').detail }
  return { state: 'loading' }
}

function itemsOf<T>(answer: Readable<{ items: T[] }>): Readable<T[]> {
  return answer.state === 'ok' ? { state: 'ok', data: answer.data.items } : answer
}

const NO_LOOKUP = { vmNames: [], replicaUids: [] }

// A computed view: never stale by time (its key names the answers it came from), kept a while for Back.
const DERIVED = {
  staleTime: Number.POSITIVE_INFINITY,
  gcTime: 5 * 60_000,
  placeholderData: keepPreviousData,
  structuralSharing: false,
} as const

function required<T>(value: T | null): T {
  if (value === null) throw new Error('The protection view was computed before its answers arrived.')
  return value
}

/** Runs the view's queries and computes the view once the answers it needs are in. */
export function useProtection(options: ProtectionOptions): ProtectionState {
  const on = options.enabled ?? true
  const common = {
    refetchInterval: options.refetchInterval,
    refetchIntervalInBackground: options.background ?? false,
    enabled: on,
  }
  // Points reach back just past the RPO: a VM without one there is out of RPO for certain, and how long it has been
  // is looked up for it alone (olderPoints). Reading further back would cost pages for every healthy VM.
  const pointHours = Math.ceil(options.rpoHours * 1.1)
  const [replicas, jobs, points, tasks, sessions] = useQueries({
    queries: [
      { ...protectionQueries.replicas(), ...common },
      { ...jobQueries.replicaList(), ...common },
      { ...protectionQueries.points(pointHours), ...common },
      { ...protectionQueries.tasks(options.windowHours), ...common },
      { ...protectionQueries.sessions(options.windowHours), ...common },
    ],
  })
  // A replica job's entity carries its includes (em-api.md §17.3): the ObjectInJob query is asked only when none
  // does. Both are the jobs row of the role table (§10): refused together to a Portal User.
  const fromJobs = jobs.data?.items.some((job) => Array.isArray(job.includes)) === true
  const includes = useQuery({
    ...protectionQueries.includes(),
    ...common,
    enabled: on && jobs.data !== undefined && !fromJobs,
  })
  const base = useMemo((): Omit<ProtectionInput, 'olderPoints'> | null => {
    const jobsAnswer = itemsOf(readable(jobs.data, jobs.error))
    const includesAnswer: Readable<ObjectInJob[]> =
      jobsAnswer.state === 'ok' && fromJobs
        ? { state: 'ok', data: jobsAnswer.data.flatMap((job) => job.includes ?? []) }
        : jobsAnswer.state === 'ok'
          ? itemsOf(readable(includes.data, includes.error))
          : jobsAnswer
    const settled = jobsAnswer.state !== 'loading' && includesAnswer.state !== 'loading'
    if (!replicas.data || !points.data || !tasks.data || !sessions.data || !settled) return null
    return {
      now: Date.now(),
      rpoHours: options.rpoHours,
      riskPercent: options.riskPercent,
      windowHours: options.windowHours,
      points: points.data,
      tasks: tasks.data,
      sessions: sessions.data,
      replicas: replicas.data.items,
      jobs: jobsAnswer,
      includes: includesAnswer,
    }
  }, [
    replicas.data,
    points.data,
    tasks.data,
    sessions.data,
    jobs.data,
    jobs.error,
    fromJobs,
    includes.data,
    includes.error,
    options.rpoHours,
    options.riskPercent,
    options.windowHours,
  ])
  // The view is computed a slice at a time (compute-in-slices.ts) and kept in the query cache, keyed by the
  // moments its answers arrived: a refresh recomputes it while the previous view stays on screen.
  const answered = [replicas, jobs, includes, points, tasks, sessions].map((query) =>
    Math.max(query.dataUpdatedAt, query.errorUpdatedAt),
  )
  const shape = [options.rpoHours, options.riskPercent, options.windowHours]
  const first = useQuery({
    queryKey: [...protectionQueries.all(), 'view', 'window', ...answered, ...shape],
    queryFn: ({ signal }) => computeInSlices({ ...required(base), olderPoints: null }, signal),
    enabled: base !== null,
    ...DERIVED,
  })
  const lookup = first.data?.lookups ?? NO_LOOKUP
  const needed = lookup.vmNames.length + lookup.replicaUids.length > 0
  const older = useQuery({ ...protectionQueries.olderPoints(lookup), ...common, enabled: on && needed })
  // The rows show before the lookup answers: a VM without a point in the window is out of RPO either way; the
  // lookup only tells how long (or never), and the screen says it is looking.
  const full = useQuery({
    queryKey: [...protectionQueries.all(), 'view', 'full', ...answered, older.dataUpdatedAt, ...shape],
    queryFn: ({ signal }) => computeInSlices({ ...required(base), olderPoints: older.data ?? null }, signal),
    enabled: base !== null && older.data !== undefined,
    ...DERIVED,
  })
  const view = (older.data !== undefined ? full.data : undefined) ?? first.data ?? null
  const requiredQueries = [replicas, points, tasks, sessions]
  const used = [...requiredQueries, jobs, includes].filter((query) => query.dataUpdatedAt > 0)
  return {
    view,
    error: requiredQueries.find((query) => query.isError)?.error ?? null,
    fetching: [...requiredQueries, jobs, includes, older, first, full].some((query) => query.isFetching),
    lookingUp:
      needed && older.data === undefined && !older.isError
        ? lookup.vmNames.length + lookup.replicaUids.length
        : 0,
    updatedAt: used.length === 0 ? 0 : Math.min(...used.map((query) => query.dataUpdatedAt)),
    refetch: () => {
      for (const query of [...requiredQueries, jobs, includes, older]) void query.refetch()
    },
  }
}
