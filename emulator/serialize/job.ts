// Job entity and reference of a replica job (em-api.md §6.4).

import type { JobRecord } from '../data/records.ts'
import { dateTimeText } from './date-time.ts'
import { type EntityKind, entityHead, entityJsonTail, entityRef, entityXml } from './entity-head.ts'
import type { JsonObject } from './json-value.ts'
import { jobLinks } from './links.ts'
import type { RefShape } from './reference.ts'
import type { SerializeContext } from './serialize-context.ts'

const KIND: EntityKind = { type: 'Job', path: 'jobs' }

/** `<Job>`; NextRun only while scheduled; the replica schedule and info blocks are undocumented and left empty. */
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
      ['JobInfo', ''],
    ],
    indent,
    namespaces,
  })
}

/** JSON as the §6.4 example: the empty blocks are `{}`, NextRun is left out when the job is not scheduled. */
export function jobJson(job: JobRecord, ctx: SerializeContext): JsonObject {
  return {
    JobType: job.jobType,
    Platform: job.platform,
    Description: job.description,
    ScheduleConfigured: job.scheduleConfigured,
    ScheduleEnabled: job.scheduleEnabled,
    ...(job.nextRun === null ? {} : { NextRun: dateTimeText(job.nextRun) }),
    JobScheduleOptions: {},
    JobInfo: {},
    ...entityJsonTail(entityHead(KIND, job, ctx), jobLinks(job, ctx, 'entity')),
  }
}

export function jobRef(job: JobRecord, ctx: SerializeContext): RefShape {
  return entityRef(KIND, job, ctx, jobLinks(job, ctx, 'ref'))
}
