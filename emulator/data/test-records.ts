// Test-only record factories for the query engine's and serializers' tests: a plain record with every field
// set, so a test names only the fields it is about.
import type { QuerySource } from '../query/query-source.ts'
import type { BackupServerRecord, JobRecord, ReplicaSessionRecord, TaskSessionRecord } from './records.ts'

/** A finished, successful session of job-1 on srv-1, created at 0 µs. */
export function sessionRecord(id: string, fields: Partial<ReplicaSessionRecord> = {}): ReplicaSessionRecord {
  return {
    id,
    name: `Job@${id}`,
    jobId: 'job-1',
    jobName: 'Job',
    backupServerId: 'srv-1',
    backupServerName: 'vbr1',
    creationTime: 0,
    endTime: 100,
    state: 'Stopped',
    result: 'Success',
    progress: 100,
    isRetry: false,
    failureMessage: null,
    ...fields,
  }
}

/** A completed, successful task of session s1. */
export function taskRecord(id: string, fields: Partial<TaskSessionRecord> = {}): TaskSessionRecord {
  return {
    id,
    name: `vm@${id}`,
    sessionId: 's1',
    vmName: 'vm',
    creationTime: 0,
    endTime: 100,
    state: 'Completed',
    result: 'Success',
    reason: '',
    totalSize: 0,
    ...fields,
  }
}

/** An unscheduled VMware replica job on srv-1. */
export function jobRecord(id: string, fields: Partial<JobRecord> = {}): JobRecord {
  return {
    id,
    name: `Job ${id}`,
    jobType: 'Replica',
    platform: 'VMware',
    description: '',
    scheduleConfigured: false,
    scheduleEnabled: false,
    nextRun: null,
    backupServerId: 'srv-1',
    intervalMinutes: 60,
    vmNames: [],
    ...fields,
  }
}

/** A v13 backup server named `<id>.tech.local`. */
export function serverRecord(id: string, fields: Partial<BackupServerRecord> = {}): BackupServerRecord {
  const name = fields.name ?? `${id}.tech.local`
  return {
    id,
    name,
    description: '',
    ipOrDnsName: name,
    port: 9392,
    version: '13.0',
    wcfPort: 9405,
    thumbprint: '',
    ...fields,
  }
}

/** A QuerySource over fixed records; sessionById searches `sessions`. */
export function querySource(
  parts: Partial<Pick<QuerySource, 'servers' | 'jobs' | 'sessions' | 'tasks' | 'version'>> = {},
): QuerySource {
  const sessions = parts.sessions ?? []
  return {
    servers: parts.servers ?? [],
    jobs: parts.jobs ?? [],
    sessions,
    tasks: parts.tasks ?? [],
    sessionById: (id) => sessions.find((session) => session.id === id),
    version: parts.version ?? 1,
  }
}
