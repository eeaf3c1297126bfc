// One ReplicaJobSession from its typed wire members to the domain object (em-api.md §6.1, the running-session
// quirks of §7), shared by the session schema and the quick page reader so the two cannot drift apart.
import { findLink, idFromUid } from './link-resolver.ts'
import type { EmLink } from './link-schema.ts'
import type { ReplicaJobSession } from './parse-session.ts'
import { optionalTime, parseEmDateTime } from './schemas.ts'

const SERVER_ID =
  /\/backupServers\/\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?(?:[/?#]|$)/i

/** A session as the wire carries it, once its members have their types (both formats). */
export interface WireSession {
  UID: string
  Name: string
  Href: string
  Links: EmLink[]
  JobUid: string
  JobName: string
  JobType: string
  CreationTimeUTC: string
  EndTimeUTC?: unknown
  State: string
  Result: string
  Progress: number
  IsRetry: boolean
  FailureMessage: string | null
}

/** The domain object of a typed wire session, or null when its CreationTimeUTC is not a UTC date-time. */
export function sessionOf(raw: WireSession): ReplicaJobSession | null {
  const creationTime = parseEmDateTime(raw.CreationTimeUTC)
  if (creationTime === null) return null
  const end = optionalTime(raw.EndTimeUTC)
  const endTime = end !== null && end >= creationTime ? end : null
  const server = findLink(raw.Links, 'Up', 'BackupServerReference')
  const serverId = server ? SERVER_ID.exec(server.href)?.[1] : undefined
  return {
    uid: raw.UID,
    id: idFromUid(raw.UID),
    name: raw.Name,
    href: raw.Href,
    jobUid: raw.JobUid,
    jobName: raw.JobName,
    jobType: raw.JobType,
    creationTime,
    creationTimeText: raw.CreationTimeUTC,
    endTime,
    endTimeText: endTime === null || typeof raw.EndTimeUTC !== 'string' ? null : raw.EndTimeUTC,
    state: raw.State,
    result: raw.Result,
    progress: raw.Progress,
    isRetry: raw.IsRetry,
    failureMessage: raw.FailureMessage,
    backupServerName: server?.name ?? null,
    backupServerUid: serverId ? `urn:veeam:BackupServer:${serverId.toLowerCase()}` : null,
    links: raw.Links,
  }
}
