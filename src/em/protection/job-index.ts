// Jobs as the protection view joins them. EM ties nothing to a job by id but sessions and includes: a replica
// is its job's namesake (em-api.md §11.1, [inferred]), a point names its replica. So a job is known by backup
// server and name, lower-case, and by UID where one is given.
import { findLink } from '@/em/link-resolver.ts'
import type { Job } from '@/em/parse-job.ts'
import type { ObjectInJob } from '@/em/parse-object-in-job.ts'
import type { Replica } from '@/em/parse-replica.ts'
import type { ReplicaJobSession } from '@/em/parse-session.ts'

export interface JobEntry {
  key: string
  name: string
  uid: string | null
  serverName: string | null
  platform: string | null
  /** The job entity: null when not readable (Portal User) or not found. */
  job: Job | null
  /** The job's VM includes (containers apart); null when includes are not readable. */
  vmIncludes: ObjectInJob[] | null
  /** Includes that are containers (folder, host, tag…): EM does not expand them (§12). */
  containers: ObjectInJob[]
}

const lower = (text: string | null | undefined) => (text ?? '').trim().toLowerCase()

export class JobIndex {
  readonly #byKey = new Map<string, JobEntry>()
  readonly #byUid = new Map<string, JobEntry>()
  readonly #byName = new Map<string, JobEntry[]>()

  readonly includesKnown: boolean

  constructor(includesKnown: boolean) {
    this.includesKnown = includesKnown
  }

  get entries(): JobEntry[] {
    return [...this.#byKey.values()]
  }

  byUid(uid: string | null): JobEntry | undefined {
    return uid === null ? undefined : this.#byUid.get(lower(uid))
  }

  /** The job of this name on this server; a missing server matches the only job of that name. Created when new. */
  resolve(name: string, serverName: string | null, uid: string | null = null): JobEntry {
    const known = this.byUid(uid)
    if (known) return known
    const key = `${lower(serverName)}|${lower(name)}`
    let entry = this.#byKey.get(key)
    if (!entry && serverName === null) {
      const same = this.#byName.get(lower(name)) ?? []
      if (same.length === 1) entry = same[0]
    }
    if (!entry) {
      entry = {
        key,
        name,
        uid: null,
        serverName,
        platform: null,
        job: null,
        vmIncludes: this.includesKnown ? [] : null,
        containers: [],
      }
      this.#byKey.set(key, entry)
      const same = this.#byName.get(lower(name))
      if (same) same.push(entry)
      else this.#byName.set(lower(name), [entry])
    }
    if (uid !== null && entry.uid === null) {
      entry.uid = uid
      this.#byUid.set(lower(uid), entry)
    }
    return entry
  }
}

/** Jobs from every answer that names one; platforms from jobs and replicas; includes by job UID or name. */
export function indexJobs(input: {
  jobs: readonly Job[] | null
  replicas: readonly Replica[]
  sessions: readonly ReplicaJobSession[]
  includes: readonly ObjectInJob[] | null
}): JobIndex {
  const index = new JobIndex(input.includes !== null)
  for (const job of input.jobs ?? []) {
    const server = findLink(job.links, 'Up', 'BackupServerReference')?.name ?? null
    const entry = index.resolve(job.name, server, job.uid)
    entry.job = job
    entry.platform = job.platform || entry.platform
  }
  for (const replica of input.replicas) {
    const entry = index.resolve(replica.name, replica.backupServerName)
    entry.platform ??= replica.platform || null
  }
  for (const session of input.sessions)
    index.resolve(session.jobName, session.backupServerName, session.jobUid)
  for (const include of input.includes ?? []) {
    const entry = index.byUid(include.jobUid) ?? index.resolve(include.jobName ?? '', null, include.jobUid)
    if (include.isVm) entry.vmIncludes?.push(include)
    else entry.containers.push(include)
  }
  return index
}
