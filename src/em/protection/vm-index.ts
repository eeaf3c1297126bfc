// Every replicated VM the answers name, per job: from its task sessions, its replica points and (when readable)
// the job's includes. A point may carry the replica VM's name with VBR's `_replica` suffix (em-api.md §11.2,
// §18): it joins the source VM of the same job when one exists.
import { findLink } from '@/em/link-resolver.ts'
import type { Replica } from '@/em/parse-replica.ts'
import type { VmReplicaPoint } from '@/em/parse-replica-point.ts'
import type { ReplicaJobSession } from '@/em/parse-session.ts'
import type { ReplicaTaskSession } from '@/em/parse-task-session.ts'
import type { JobEntry, JobIndex } from './job-index.ts'

export interface VmEntry {
  key: string
  vmName: string
  job: JobEntry
  tasks: ReplicaTaskSession[]
  points: VmReplicaPoint[]
  /** Named by the job's includes. */
  included: boolean
}

const SUFFIX = /_replica$/i

export class VmIndex {
  readonly entries = new Map<string, VmEntry>()

  get(job: JobEntry, vmName: string): VmEntry {
    const key = `${job.key}|${vmName.trim().toLowerCase()}`
    let entry = this.entries.get(key)
    if (!entry) {
      entry = { key, vmName, job, tasks: [], points: [], included: false }
      this.entries.set(key, entry)
    }
    return entry
  }

  has(job: JobEntry, vmName: string): boolean {
    return this.entries.has(`${job.key}|${vmName.trim().toLowerCase()}`)
  }
}

// A task's job: its session's; without the session (older than the window), the Up link's session Name
// `<job>@<time>` (§6.6) and server link. Null when neither is known.
function jobOfTask(
  task: ReplicaTaskSession,
  sessions: ReadonlyMap<string, ReplicaJobSession>,
  jobs: JobIndex,
): JobEntry | null {
  const session = sessions.get(task.jobSessionUid.toLowerCase())
  if (session) return jobs.resolve(session.jobName, session.backupServerName, session.jobUid)
  const name = findLink(task.links, 'Up', 'ReplicaJobSessionReference')?.name
  const at = name?.lastIndexOf('@') ?? -1
  if (!name || at <= 0) return null
  return jobs.resolve(name.slice(0, at), findLink(task.links, 'Up', 'BackupServerReference')?.name ?? null)
}

/** VMs by job: tasks and includes first, so a suffixed point name can find its source VM. */
export function indexVms(input: {
  jobs: JobIndex
  tasks: readonly ReplicaTaskSession[]
  sessions: readonly ReplicaJobSession[]
  points: readonly VmReplicaPoint[]
  replicas: readonly Replica[]
}): { vms: VmIndex; orphanTasks: number } {
  const vms = new VmIndex()
  const sessions = new Map(input.sessions.map((session) => [session.uid.toLowerCase(), session]))
  let orphanTasks = 0
  for (const task of input.tasks) {
    const job = jobOfTask(task, sessions, input.jobs)
    if (job) vms.get(job, task.vmDisplayName).tasks.push(task)
    else orphanTasks += 1
  }
  for (const job of input.jobs.entries) {
    for (const include of job.vmIncludes ?? []) vms.get(job, include.name).included = true
  }
  const replicas = new Map(input.replicas.map((replica) => [replica.uid.toLowerCase(), replica]))
  for (const point of input.points) {
    const replica = point.replicaUid ? replicas.get(point.replicaUid.toLowerCase()) : undefined
    const name = replica?.name ?? point.replicaName ?? ''
    const job = input.jobs.resolve(name, replica?.backupServerName ?? point.backupServerName)
    const source = point.vmDisplayName.replace(SUFFIX, '')
    const vmName = source !== point.vmDisplayName && vms.has(job, source) ? source : point.vmDisplayName
    vms.get(job, vmName).points.push(point)
  }
  return { vms, orphanTasks }
}
