// ReplicaJobSession entities (em-api.md §6.1), with the running-session quirks of §7 normalised here, once.
import { addIssue, z } from '@/lib/zod.ts'
import { findLink, idFromUid } from './link-resolver.ts'
import { type EmLink, linksSchema } from './link-schema.ts'
import { type Page, queryPageOf } from './page-schema.ts'
import {
  documentOf,
  listOf,
  nullableText,
  optionalTime,
  parseEmDateTime,
  parseWith,
  wireBool,
  wireInt,
} from './schemas.ts'

export interface ReplicaJobSession {
  uid: string
  /** Lower-case GUID from the UID: the id in `/replicaSessions/{id}`. */
  id: string
  name: string
  href: string
  jobUid: string
  jobName: string
  jobType: string
  /** Epoch ms. */
  creationTime: number
  /** CreationTimeUTC as EM sent it (0–7 fraction digits). */
  creationTimeText: string
  /** Epoch ms, or null when the session has not ended (sentinel, empty, absent, unparsable, before start: §7). */
  endTime: number | null
  /** EndTimeUTC as sent, or null whenever endTime is null (a sentinel is never shown). */
  endTimeText: string | null
  /** Raw State; values outside KNOWN_STATES are kept (§9.2). */
  state: string
  /** Raw Result: Success | Warning | Failed | None | anything else. */
  result: string
  progress: number
  isRetry: boolean
  failureMessage: string | null
  /** Name of the Up BackupServerReference link. */
  backupServerName: string | null
  /** `urn:veeam:BackupServer:<guid>` from that link's Href. */
  backupServerUid: string | null
  links: EmLink[]
}

const SERVER_ID =
  /\/backupServers\/\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?(?:[/?#]|$)/i

const replicaJobSessionSchema = z.pipe(
  z.object({
    UID: z.string(),
    Name: z.string(),
    Href: z.string(),
    Links: linksSchema,
    JobUid: z.string(),
    JobName: z.string(),
    JobType: z.string(),
    CreationTimeUTC: z.string(),
    EndTimeUTC: z.optional(z.unknown()),
    State: z.string(),
    Result: z.string(),
    Progress: wireInt,
    IsRetry: wireBool,
    FailureMessage: nullableText,
  }),
  z.transform((raw, ctx): ReplicaJobSession => {
    const creationTime = parseEmDateTime(raw.CreationTimeUTC)
    if (creationTime === null) {
      addIssue(ctx, 'expected a UTC date-time', ['CreationTimeUTC'])
      return z.NEVER
    }
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
  }),
)

// Built once: zod compiles a schema on its first parse, and a page parses often (every wall refresh).
const sessionsPageSchema = queryPageOf(
  'Entities',
  { plural: 'ReplicaJobSessions', singular: 'ReplicaJobSession' },
  replicaJobSessionSchema,
)
const sessionsListSchema = documentOf(
  'ReplicaJobSessions',
  listOf(replicaJobSessionSchema, ['ReplicaJobSession', 'ReplicaJobSessions']),
)

/** A ReplicaJobSession entity document (`/replicaSessions/{id}?format=Entity`) → ReplicaJobSession. */
export function parseSession(doc: unknown): ReplicaJobSession {
  return parseWith(documentOf('ReplicaJobSession', replicaJobSessionSchema), doc, 'ReplicaJobSession')
}

/** A QueryResult `type=ReplicaJobSession&format=Entities` page → Page<ReplicaJobSession>. */
export function parseSessionsPage(doc: unknown): Page<ReplicaJobSession> {
  return parseWith(sessionsPageSchema, doc, 'page of ReplicaJobSessions')
}

/** A `/replicaSessions?format=Entity` collection (no paging) → ReplicaJobSession[]. */
export function parseSessions(doc: unknown): ReplicaJobSession[] {
  return parseWith(sessionsListSchema, doc, 'list of ReplicaJobSessions')
}
