// ReplicaJobSession entities (em-api.md §6.1), with the running-session quirks of §7 normalised here, once.
import { addIssue, z } from '@/lib/zod.ts'
import { type EmLink, linksSchema } from './link-schema.ts'
import { type Page, queryPageOf } from './page-schema.ts'
import { documentOf, listOf, nullableText, parseWith, wireBool, wireInt } from './schemas.ts'
import { sessionOf } from './session-of.ts'
import { sessionsPageQuickly } from './session-page-fast-path.ts'

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
    const session = sessionOf(raw)
    if (session === null) {
      addIssue(ctx, 'expected a UTC date-time', ['CreationTimeUTC'])
      return z.NEVER
    }
    return session
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
  // The schema is the definition; the quick reader gives the same page for the documents it is sure of, in a
  // fraction of the time (session-page-fast-path.ts), and leaves every other one, and every error, to the schema.
  return sessionsPageQuickly(doc) ?? parseSessionsPageBySchema(doc)
}

/** parseSessionsPage by the schema alone: the definition the quick reader is tested against. */
export function parseSessionsPageBySchema(doc: unknown): Page<ReplicaJobSession> {
  return parseWith(sessionsPageSchema, doc, 'page of ReplicaJobSessions')
}

/** A `/replicaSessions?format=Entity` collection (no paging) → ReplicaJobSession[]. */
export function parseSessions(doc: unknown): ReplicaJobSession[] {
  return parseWith(sessionsListSchema, doc, 'list of ReplicaJobSessions')
}
