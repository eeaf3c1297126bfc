// Test data for pure functions over domain objects: a session, a job or a page with only the fields a test cares about.
import type { Page } from '@/em/page-schema.ts'
import type { Job } from '@/em/parse-job.ts'
import type { ReplicaJobSession } from '@/em/parse-session.ts'

let next = 0

/** A finished session of `job` (a name), created at `at`; override what the test is about. */
export function session(job: string, at: number, fields: Partial<ReplicaJobSession> = {}): ReplicaJobSession {
  next += 1
  const id = `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`
  return {
    uid: `urn:veeam:ReplicaJobSession:${id}`,
    id,
    name: `${job}@${at}`,
    href: `https://em/api/replicaSessions/${id}?format=Entity`,
    jobUid: `urn:veeam:Job:${job}`,
    jobName: job,
    jobType: 'Replica',
    creationTime: at,
    creationTimeText: new Date(at).toISOString(),
    endTime: at + 60_000,
    endTimeText: new Date(at + 60_000).toISOString(),
    state: 'Stopped',
    result: 'Success',
    progress: 100,
    isRetry: false,
    failureMessage: null,
    backupServerName: 'srv01',
    backupServerUid: null,
    links: [],
    ...fields,
  }
}

/** A running session of `job`. */
export function runningSession(job: string, at: number, progress = 40): ReplicaJobSession {
  return session(job, at, { state: 'Working', result: 'None', endTime: null, endTimeText: null, progress })
}

/** A replica job named `name` on backup server `server`. */
export function job(name: string, server = 'srv01'): Job {
  return {
    uid: `urn:veeam:Job:${name}`,
    id: name,
    name,
    href: `https://em/api/jobs/${name}?format=Entity`,
    jobType: 'Replica',
    platform: 'VMware',
    description: '',
    scheduleConfigured: true,
    scheduleEnabled: true,
    nextRun: null,
    links: [
      {
        rel: 'Up',
        type: 'BackupServerReference',
        name: server,
        href: 'https://em/api/backupServers/ce15a8c7-aa49-495e-b05b-ee3398c91018',
      },
    ],
  }
}

/** A one-page answer, or one page of `pagesCount`. */
export function pageOf<T>(items: T[], pagesCount = 1): Page<T> {
  return { items, paging: { pageNum: 1, pageSize: 1000, pagesCount, links: [] } }
}
