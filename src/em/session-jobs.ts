// The jobs that sessions name. A Portal User may not read `/jobs` or `query?type=Job` (em-api.md §10), but every
// ReplicaJobSession carries its job's JobName and JobUid (§6.1): jobs that ran within the sessions read are known
// this way, jobs that did not are not, and screens that use this say so.
import type { ReplicaJobSession } from './parse-session.ts'

export interface SessionJob {
  uid: string
  name: string
}

/** One entry per JobUid (compared ignoring case, §4.2), named as its newest session names it, sorted by name. */
export function jobsOfSessions(sessions: readonly ReplicaJobSession[]): SessionJob[] {
  const newest = new Map<string, ReplicaJobSession>()
  for (const session of sessions) {
    const key = session.jobUid.toLowerCase()
    const seen = newest.get(key)
    if (!seen || session.creationTime > seen.creationTime) newest.set(key, session)
  }
  return [...newest.values()]
    .map((session) => ({ uid: session.jobUid, name: session.jobName }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.uid.localeCompare(b.uid))
}
