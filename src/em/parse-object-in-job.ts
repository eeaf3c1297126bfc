// ObjectInJob, a job's include (em-api.md §12): a VM or a container (folder, host, tag…) EM does not expand.
// The query answer's container is unconfirmed (§18): Resources or Entities, ObjectsInJob (XML) or ObjectInJobs
// (JSON, §17.5) are all read.

import { isRecord } from '@/lib/is-record.ts'
import { z } from '@/lib/zod.ts'
import { linksSchema } from './link-schema.ts'
import { type Page, pagingInfoSchema } from './page-schema.ts'
import { documentOf, listOf, optionalText, parseWith } from './schemas.ts'
import { upReference } from './up-reference.ts'

export interface ObjectInJob {
  id: string
  name: string
  displayName: string
  hierarchyObjRef: string
  /** The `<Type>` of `urn:<Platform>:<Type>:…` (Vm, Folder, Host, Tag…); '' when the ref has another shape. */
  objectType: string
  isVm: boolean
  jobUid: string | null
  jobName: string | null
}

const JOB_IN_HREF =
  /\/jobs\/\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?\/includes\//i

/** One ObjectInJob (links optional: the copies inside a job's JobInfo carry none). */
export const objectInJobSchema = z.pipe(
  z.object({
    ObjectInJobId: z.string(),
    HierarchyObjRef: optionalText,
    Name: z.string(),
    DisplayName: optionalText,
    Href: optionalText,
    Links: linksSchema,
  }),
  z.transform((raw): ObjectInJob => {
    const up = upReference(raw.Links, 'Job', { kind: 'Job', segment: 'jobs' })
    const own = JOB_IN_HREF.exec(raw.Href)?.[1]
    // Letter case of the type varies between doc examples (Vm, VM): compare without it (§12).
    const objectType = /^urn:[^:]+:([^:]+):/i.exec(raw.HierarchyObjRef)?.[1] ?? ''
    return {
      id: raw.ObjectInJobId,
      name: raw.Name,
      displayName: raw.DisplayName || raw.Name,
      hierarchyObjRef: raw.HierarchyObjRef,
      objectType,
      isVm: objectType.toLowerCase() === 'vm',
      jobUid: up.uid ?? (own ? `urn:veeam:Job:${own.toLowerCase()}` : null),
      jobName: up.name,
    }
  }),
)

const LIST_NAMES = ['ObjectsInJob', 'ObjectInJobs'] as const

function includesIn(section: unknown): unknown {
  if (!isRecord(section)) return section
  const name = LIST_NAMES.find((key) => key in section)
  return name === undefined ? [] : section[name]
}

const includesPageSchema = documentOf(
  'QueryResult',
  z.pipe(
    z.pipe(
      z.pipe(
        z.object({
          PagingInfo: pagingInfoSchema,
          Resources: z.optional(z.unknown()),
          Entities: z.optional(z.unknown()),
        }),
        z.transform((raw) => ({ paging: raw.PagingInfo, list: includesIn(raw.Resources ?? raw.Entities) })),
      ),
      z.object({
        paging: z.custom<Page<ObjectInJob>['paging']>(),
        list: listOf(objectInJobSchema, ['ObjectInJob', 'ObjectInJobs']),
      }),
    ),
    z.transform((raw): Page<ObjectInJob> => ({ items: raw.list, paging: raw.paging })),
  ),
)

/** A QueryResult of `type=ObjectInJob` → Page<ObjectInJob>. */
export function parseIncludesPage(doc: unknown): Page<ObjectInJob> {
  return parseWith(includesPageSchema, doc, 'page of ObjectInJob')
}

const includeListSchema = z.pipe(
  documentOf('ObjectsInJob', z.pipe(z.unknown(), z.transform(includesInList))),
  listOf(objectInJobSchema, ['ObjectInJob', 'ObjectInJobs']),
)

// `/jobs/{id}/includes`: XML `<ObjectsInJob><ObjectInJob/>…`, JSON `{"ObjectInJobs":[…]}` (§17.5).
function includesInList(value: unknown): unknown {
  return isRecord(value) && 'ObjectInJobs' in value ? value.ObjectInJobs : value
}

/** A job's includes (`GET /jobs/{id}/includes`) → ObjectInJob[]. */
export function parseIncludes(doc: unknown): ObjectInJob[] {
  return parseWith(includeListSchema, doc, 'list of ObjectInJob')
}

/**
 * The includes a Job entity carries in `JobInfo › ReplicaJobInfo › Includes` (em-api.md §17.3; JSON
 * `Includes.ObjectInJobs[]`, §12), with the job's UID and name; null when the entity has no such block.
 */
export function includesInJobInfo(
  jobInfo: unknown,
  job: { uid: string; name: string },
): ObjectInJob[] | null {
  const info = isRecord(jobInfo) ? jobInfo.ReplicaJobInfo : undefined
  if (!isRecord(info) || !('Includes' in info)) return null
  const parsed = listOf(objectInJobSchema, ['ObjectInJob', 'ObjectInJobs']).safeParse(info.Includes)
  if (!parsed.success) return null
  return parsed.data.map((include) => ({ ...include, jobUid: job.uid, jobName: job.name }))
}
