// Job entities (em-api.md §6.4). The summary fields, and the includes a replica job's JobInfo carries (§17.3);
// JobScheduleOptions is skipped.
import { z } from '@/lib/zod.ts'
import { idFromUid } from './link-resolver.ts'
import { type EmLink, linksSchema } from './link-schema.ts'
import { type Page, queryPageOf } from './page-schema.ts'
import { includesInJobInfo, type ObjectInJob } from './parse-object-in-job.ts'
import { documentOf, optionalDateTime, optionalText, parseWith, wireBool } from './schemas.ts'

export interface Job {
  uid: string
  id: string
  name: string
  href: string
  /** Raw: Backup | BackupCopy | ImmediateBackupCopy | Replica | anything else. */
  jobType: string
  /** Raw: VMware | HyperV (also Hyperv) | vCloud | CustomPlatform | anything else. */
  platform: string
  description: string
  scheduleConfigured: boolean
  scheduleEnabled: boolean
  /** Epoch ms; null when not scheduled (the element is then absent). */
  nextRun: number | null
  links: EmLink[]
  /** A replica job's includes from its JobInfo; null when the entity carries none (undefined where not parsed). */
  includes?: ObjectInJob[] | null
}

const jobSchema = z.pipe(
  z.object({
    UID: z.string(),
    Name: z.string(),
    Href: z.string(),
    Links: linksSchema,
    JobType: z.string(),
    Platform: optionalText,
    Description: optionalText,
    ScheduleConfigured: wireBool,
    ScheduleEnabled: wireBool,
    NextRun: optionalDateTime,
    JobInfo: z.optional(z.unknown()),
  }),
  z.transform(
    (raw): Job => ({
      uid: raw.UID,
      id: idFromUid(raw.UID),
      name: raw.Name,
      href: raw.Href,
      jobType: raw.JobType,
      platform: raw.Platform,
      description: raw.Description,
      scheduleConfigured: raw.ScheduleConfigured,
      scheduleEnabled: raw.ScheduleEnabled,
      nextRun: raw.NextRun,
      links: raw.Links,
      includes: includesInJobInfo(raw.JobInfo, { uid: raw.UID, name: raw.Name }),
    }),
  ),
)

/** A Job entity document (`/jobs/{id}?format=Entity`) → Job. */
export function parseJob(doc: unknown): Job {
  return parseWith(documentOf('Job', jobSchema), doc, 'Job')
}

/** A QueryResult `type=Job&format=Entities` page → Page<Job>. */
export function parseJobsPage(doc: unknown): Page<Job> {
  return parseWith(
    queryPageOf('Entities', { plural: 'Jobs', singular: 'Job' }, jobSchema),
    doc,
    'page of Jobs',
  )
}
