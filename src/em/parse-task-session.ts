// ReplicaTaskSession entities (em-api.md §6.2): one per VM of a job session.
import { addIssue, z } from '@/lib/zod.ts'
import { idFromUid } from './link-resolver.ts'
import { type EmLink, linksSchema } from './link-schema.ts'
import { type Page, queryPageOf } from './page-schema.ts'
import {
  documentOf,
  listOf,
  optionalText,
  optionalTime,
  parseEmDateTime,
  parseWith,
  wireInt,
} from './schemas.ts'

export interface ReplicaTaskSession {
  uid: string
  id: string
  name: string
  href: string
  vmDisplayName: string
  jobSessionUid: string
  /** Epoch ms. */
  creationTime: number
  /** Epoch ms, or null while not ended (same rule as job sessions, §7). */
  endTime: number | null
  /** Raw: InProgress | Pending | Completed | anything else. */
  state: string
  result: string
  reason: string
  /** Bytes. */
  totalSize: number
  links: EmLink[]
}

const replicaTaskSessionSchema = z.pipe(
  z.object({
    UID: z.string(),
    Name: z.string(),
    Href: z.string(),
    // An XML attribute and a JSON key alike; the attribute prefix is '' (xml.ts), so one name serves both.
    VmDisplayName: z.string(),
    Links: linksSchema,
    JobSessionUid: z.string(),
    CreationTimeUTC: z.string(),
    EndTimeUTC: z.optional(z.unknown()),
    State: z.string(),
    Result: z.string(),
    Reason: optionalText,
    TotalSize: wireInt,
  }),
  z.transform((raw, ctx): ReplicaTaskSession => {
    const creationTime = parseEmDateTime(raw.CreationTimeUTC)
    if (creationTime === null) {
      addIssue(ctx, 'expected a UTC date-time', ['CreationTimeUTC'])
      return z.NEVER
    }
    const end = optionalTime(raw.EndTimeUTC)
    return {
      uid: raw.UID,
      id: idFromUid(raw.UID),
      name: raw.Name,
      href: raw.Href,
      vmDisplayName: raw.VmDisplayName,
      jobSessionUid: raw.JobSessionUid,
      creationTime,
      endTime: end !== null && end >= creationTime ? end : null,
      state: raw.State,
      result: raw.Result,
      reason: raw.Reason,
      totalSize: raw.TotalSize,
      links: raw.Links,
    }
  }),
)

/** A ReplicaTaskSessions collection (`…/replicaTaskSessions?format=Entity`) → ReplicaTaskSession[]. */
export function parseTaskSessions(doc: unknown): ReplicaTaskSession[] {
  const schema = documentOf(
    'ReplicaTaskSessions',
    listOf(replicaTaskSessionSchema, ['ReplicaTaskSession', 'ReplicaTaskSessions']),
  )
  return parseWith(schema, doc, 'list of ReplicaTaskSessions')
}

/** A single ReplicaTaskSession entity document → ReplicaTaskSession. */
export function parseTaskSession(doc: unknown): ReplicaTaskSession {
  return parseWith(documentOf('ReplicaTaskSession', replicaTaskSessionSchema), doc, 'ReplicaTaskSession')
}

const taskSessionsPageSchema = queryPageOf(
  'Entities',
  { plural: 'ReplicaTaskSessions', singular: 'ReplicaTaskSession' },
  replicaTaskSessionSchema,
)

/** A QueryResult `type=ReplicaTaskSession&format=Entities` page → Page<ReplicaTaskSession>. */
export function parseTaskSessionsPage(doc: unknown): Page<ReplicaTaskSession> {
  return parseWith(taskSessionsPageSchema, doc, 'page of ReplicaTaskSessions')
}
