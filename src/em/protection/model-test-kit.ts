// Hand-built EM answers for the protection model's tests: parsed domain objects, as few fields as each case needs.
import type { EmLink } from '@/em/link-schema.ts'
import type { Job } from '@/em/parse-job.ts'
import type { ObjectInJob } from '@/em/parse-object-in-job.ts'
import type { Replica } from '@/em/parse-replica.ts'
import type { VmReplicaPoint } from '@/em/parse-replica-point.ts'
import type { ReplicaJobSession } from '@/em/parse-session.ts'
import type { ReplicaTaskSession } from '@/em/parse-task-session.ts'
import type { ProtectionInput, Windowed } from './protection-types.ts'

export const NOW = Date.UTC(2025, 10, 5, 12, 0, 0)
export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR
export const SERVER = 'vbr-dr01.corp.local'

let counter = 0
function guid(): string {
  counter += 1
  return `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`
}

export function jobUidOf(name: string): string {
  const hex = [...name].reduce((sum, char) => (sum * 31 + char.charCodeAt(0)) % 1e12, 7)
  return `urn:veeam:Job:00000000-0000-4000-9000-${String(hex).padStart(12, '0')}`
}

const serverLink: EmLink = {
  rel: 'Up',
  type: 'BackupServerReference',
  name: SERVER,
  href: 'https://em/api/backupServers/11111111-1111-4111-8111-111111111111',
}

export function session(
  jobName: string,
  start: number,
  result: string,
  options: { isRetry?: boolean; server?: string } = {},
): ReplicaJobSession {
  const id = guid()
  return {
    uid: `urn:veeam:ReplicaJobSession:${id}`,
    id,
    name: `${jobName}@x`,
    href: '',
    jobUid: jobUidOf(jobName),
    jobName,
    jobType: 'Replica',
    creationTime: start,
    creationTimeText: '',
    endTime: result === 'None' ? null : start + 10 * MINUTE,
    endTimeText: null,
    state: result === 'None' ? 'Working' : 'Stopped',
    result,
    progress: result === 'None' ? 50 : 100,
    isRetry: options.isRetry ?? false,
    failureMessage: null,
    backupServerName: options.server ?? SERVER,
    backupServerUid: null,
    links: [],
  }
}

export function task(
  of: ReplicaJobSession,
  vm: string,
  result: string,
  reason = result === 'Failed'
    ? 'Error: Target datastore "DR-DS01" has insufficient free space (12.4 GB required)'
    : '',
): ReplicaTaskSession {
  const id = guid()
  return {
    uid: `urn:veeam:ReplicaTaskSession:${id}`,
    id,
    name: `${vm}@x`,
    href: '',
    vmDisplayName: vm,
    jobSessionUid: of.uid,
    creationTime: of.creationTime + MINUTE,
    endTime: result === 'None' ? null : of.creationTime + 5 * MINUTE,
    state: result === 'None' ? 'InProgress' : 'Completed',
    result,
    reason,
    totalSize: 8 * 1024 ** 3,
    links: [serverLink],
  }
}

export function point(jobName: string, vm: string, time: number, server = SERVER): VmReplicaPoint {
  const id = guid()
  return {
    uid: `urn:veeam:VmReplicaPoint:${id}`,
    id,
    name: `${vm}@x`,
    vmDisplayName: vm,
    creationTime: time,
    replicaUid: null,
    replicaName: jobName,
    backupServerUid: null,
    backupServerName: server,
  }
}

export function replica(jobName: string, platform = 'VMware'): Replica {
  const id = guid()
  return {
    uid: `urn:veeam:Replica:${id}`,
    id,
    name: jobName,
    platform,
    backupServerUid: null,
    backupServerName: SERVER,
  }
}

export function job(
  name: string,
  schedule: Partial<Pick<Job, 'scheduleEnabled' | 'scheduleConfigured' | 'nextRun'>> = {},
): Job {
  const uid = jobUidOf(name)
  return {
    uid,
    id: uid.slice(-36),
    name,
    href: '',
    jobType: 'Replica',
    platform: 'VMware',
    description: '',
    scheduleConfigured: schedule.scheduleConfigured ?? true,
    scheduleEnabled: schedule.scheduleEnabled ?? true,
    nextRun: schedule.nextRun === undefined ? NOW + HOUR : schedule.nextRun,
    links: [serverLink],
  }
}

export function include(jobName: string, vm: string, type = 'Vm'): ObjectInJob {
  return {
    id: guid(),
    name: vm,
    displayName: vm,
    hierarchyObjRef: `urn:VMware:${type}:root.vm-1`,
    objectType: type,
    isVm: type === 'Vm',
    jobUid: jobUidOf(jobName),
    jobName,
  }
}

function windowed<T>(items: readonly T[], coveredFrom: number, exhausted = false): Windowed<T> {
  return { items, coveredFrom, complete: true, exhausted }
}

export interface Answers {
  points?: VmReplicaPoint[]
  tasks?: ReplicaTaskSession[]
  sessions?: ReplicaJobSession[]
  replicas?: Replica[]
  jobs?: Job[] | 'denied'
  includes?: ObjectInJob[] | 'denied'
  olderPoints?: ProtectionInput['olderPoints']
  pointsExhausted?: boolean
}

/** A ProtectionInput at NOW: RPO 24 h, at risk from 80 %, a 48-hour window, all answers given. */
export function inputOf(answers: Answers, overrides: Partial<ProtectionInput> = {}): ProtectionInput {
  const from = NOW - 48 * HOUR
  const denied = { state: 'denied', message: 'Access denied' } as const
  return {
    now: NOW,
    rpoHours: 24,
    riskPercent: 80,
    windowHours: 48,
    points: windowed(answers.points ?? [], from, answers.pointsExhausted ?? false),
    olderPoints: answers.olderPoints ?? null,
    tasks: windowed(answers.tasks ?? [], from),
    sessions: windowed(answers.sessions ?? [], from - HOUR),
    replicas: answers.replicas ?? [],
    jobs: answers.jobs === 'denied' ? denied : { state: 'ok', data: answers.jobs ?? [] },
    includes: answers.includes === 'denied' ? denied : { state: 'ok', data: answers.includes ?? [] },
    ...overrides,
  }
}
