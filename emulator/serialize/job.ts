// Job entity and reference of a replica job (em-api.md §6.4).

import type { JobRecord } from '../data/records.ts'
import { dateTimeText } from './date-time.ts'
import type { JsonObject } from './json-value.ts'
import { linksJson, linksXml } from './link-writer.ts'
import { jobLinks } from './links.ts'
import { jobInfoJson, jobInfoXml } from './object-in-job.ts'
import { entityAttributes, type RefShape } from './reference.ts'
import type { SerializeContext } from './serialize-context.ts'
import { INDENT, textElement, wrapElement } from './xml-writer.ts'

function head(job: JobRecord, ctx: SerializeContext) {
  return {
    href: `${ctx.base}jobs/${job.id}?format=Entity`,
    type: 'Job',
    name: job.name,
    uid: `urn:veeam:Job:${job.id}`,
  }
}

/**
 * `<Job>`; NextRun only while scheduled. The replica schedule block is undocumented and left empty; JobInfo holds
 * `ReplicaJobInfo` with the includes (em-api.md §17.3) when the store knows them.
 */
export function jobXml(job: JobRecord, ctx: SerializeContext, indent: string, namespaces = ''): string {
  const inner = indent + INDENT
  const children =
    linksXml(jobLinks(job, ctx, 'entity'), inner) +
    textElement(inner, 'JobType', job.jobType) +
    textElement(inner, 'Platform', job.platform) +
    textElement(inner, 'Description', job.description) +
    textElement(inner, 'ScheduleConfigured', String(job.scheduleConfigured)) +
    textElement(inner, 'ScheduleEnabled', String(job.scheduleEnabled)) +
    textElement(inner, 'NextRun', job.nextRun === null ? null : dateTimeText(job.nextRun)) +
    textElement(inner, 'JobScheduleOptions', '') +
    jobInfoXml(ctx.lookup.includesOfJob?.(job.id), ctx, inner)
  return wrapElement(indent, 'Job', namespaces + entityAttributes(head(job, ctx)), children)
}

/** JSON as the §6.4 example: an empty schedule block is `{}`, NextRun is left out when the job is not scheduled. */
export function jobJson(job: JobRecord, ctx: SerializeContext): JsonObject {
  const { href, type, name, uid } = head(job, ctx)
  const json: JsonObject = {
    JobType: job.jobType,
    Platform: job.platform,
    Description: job.description,
    ScheduleConfigured: job.scheduleConfigured,
    ScheduleEnabled: job.scheduleEnabled,
  }
  if (job.nextRun !== null) json.NextRun = dateTimeText(job.nextRun)
  json.JobScheduleOptions = {}
  json.JobInfo = jobInfoJson(ctx.lookup.includesOfJob?.(job.id), ctx)
  json.Name = name
  json.UID = uid
  json.Links = linksJson(jobLinks(job, ctx, 'entity'))
  json.Href = href
  json.Type = type
  return json
}

export function jobRef(job: JobRecord, ctx: SerializeContext): RefShape {
  return {
    type: 'JobReference',
    href: `${ctx.base}jobs/${job.id}`,
    name: job.name,
    uid: `urn:veeam:Job:${job.id}`,
    links: jobLinks(job, ctx, 'ref'),
  }
}
