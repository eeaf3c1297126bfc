// Job entity and reference of a replica job (em-api.md §6.4).

import type { JobRecord } from '../data/records.ts'
import { dateTimeText } from './date-time.ts'
import { type EntityKind, entityHead, entityJsonTail, entityRef, entityXml } from './entity-head.ts'
import type { JsonObject } from './json-value.ts'
import { jobLinks } from './links.ts'
import { jobInfoJson, jobInfoXml } from './object-in-job.ts'
import type { RefShape } from './reference.ts'
import type { SerializeContext } from './serialize-context.ts'

const KIND: EntityKind = { type: 'Job', path: 'jobs' }

/**
 * `<Job>`; NextRun only while scheduled. The replica schedule block is undocumented and left empty; JobInfo holds
 * `ReplicaJobInfo` with the includes (em-api.md §17.3) when the store knows them.
 */
export function jobXml(job: JobRecord, ctx: SerializeContext, indent: string, namespaces = ''): string {
  return entityXml({
    head: entityHead(KIND, job, ctx),
    links: jobLinks(job, ctx, 'entity'),
    fields: [
      ['JobType', job.jobType],
      ['Platform', job.platform],
      ['Description', job.description],
      ['ScheduleConfigured', String(job.scheduleConfigured)],
      ['ScheduleEnabled', String(job.scheduleEnabled)],
      ['NextRun', job.nextRun === null ? null : dateTimeText(job.nextRun)],
      ['JobScheduleOptions', ''],
    ],
    after: (inner) => jobInfoXml(ctx.lookup.includesOfJob?.(job.id), ctx, inner),
    indent,
    namespaces,
  })
}

/** JSON as the §6.4 example: an empty schedule block is `{}`, NextRun is left out when the job is not scheduled. */
export function jobJson(job: JobRecord, ctx: SerializeContext): JsonObject {
  return {
    JobType: job.jobType,
    Platform: job.platform,
    Description: job.description,
    ScheduleConfigured: job.scheduleConfigured,
    ScheduleEnabled: job.scheduleEnabled,
    ...(job.nextRun === null ? {} : { NextRun: dateTimeText(job.nextRun) }),
    JobScheduleOptions: {},
    JobInfo: jobInfoJson(ctx.lookup.includesOfJob?.(job.id), ctx),
    ...entityJsonTail(entityHead(KIND, job, ctx), jobLinks(job, ctx, 'entity')),
  }
}

export function jobRef(job: JobRecord, ctx: SerializeContext): RefShape {
  return entityRef(KIND, job, ctx, jobLinks(job, ctx, 'ref'))
}
