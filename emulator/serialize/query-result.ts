// QueryResult of `/api/query` (em-api.md §4.5, §5), shaped like the real EM 12/13 JSON capture at the end of §5.

import type { IncludeRecord } from '../data/records.ts'
import type { JsonObject, JsonValue } from './json-value.ts'
import { type Link, linksJson, linksXml } from './link-writer.ts'
import { includeJson, includeXml } from './object-in-job.ts'
import { refJson, refXml } from './reference.ts'
import type { SerializeContext } from './serialize-context.ts'
import { type TypedItems, withWriter } from './typed-items.ts'
import { INDENT, NAMESPACES, wrapElement, xmlAttributes } from './xml-writer.ts'

export interface PagingBody {
  pageNum: number
  pageSize: number
  pagesCount: number
  links: { rel: 'First' | 'Previous' | 'Next' | 'Last'; href: string }[]
}

export type QueryFormat = 'References' | 'Entities'

// EM's JSON lists every collection it knows under Entities, null but the requested one (§5); these are the
// ones a replica and backup dashboard meets, in the order of the capture and the logon link list.
const ENTITY_KEYS = [
  'BackupServers',
  'ManagedServers',
  'Repositories',
  'ExternalRepositories',
  'Jobs',
  'FailoverPlans',
  'Backups',
  'BackupFiles',
  'RestorePoints',
  'VmRestorePoints',
  'VAppRestorePoints',
  'Replicas',
  'VmReplicaPoints',
  'BackupJobSessions',
  'BackupTaskSessions',
  'ReplicaJobSessions',
  'ReplicaTaskSessions',
  'RestoreSessions',
  'CatalogVms',
  'WanAccelerators',
  'CloudTenants',
  'AgentBackupJobs',
  'AgentJobSessions',
  'HierarchyRoots',
] as const

/** What the result holds: the rendered items of one collection, or none of a type the emulator answers empty. */
export interface QueryContent {
  format: QueryFormat
  paging: PagingBody
  /** The collection key, e.g. ReplicaJobSessions (Entities) — unused for References. */
  collectionKey: string
  data: TypedItems | null
}

function pagingLinks(paging: PagingBody): Link[] {
  return paging.links.map((link) => ({ rel: link.rel, href: link.href }))
}

function pagingXml(paging: PagingBody): string {
  const attributes = xmlAttributes([
    ['PageNum', String(paging.pageNum)],
    ['PageSize', String(paging.pageSize)],
    ['PagesCount', String(paging.pagesCount)],
  ])
  return wrapElement(INDENT, 'PagingInfo', attributes, linksXml(pagingLinks(paging), INDENT + INDENT))
}

/** `<QueryResult>` with `<Refs>` or `<Entities><Plural>`, then PagingInfo. */
export function queryResultXml(content: QueryContent, ctx: SerializeContext): string {
  const { data } = content
  if (content.format === 'References') {
    const refs =
      data === null
        ? ''
        : withWriter(data, (writer, items) =>
            items.map((item) => refXml('Ref', writer.ref(item, ctx), INDENT + INDENT)).join(''),
          )
    return wrapElement(
      '',
      'QueryResult',
      NAMESPACES,
      wrapElement(INDENT, 'Refs', '', refs) + pagingXml(content.paging),
    )
  }
  const inner = INDENT + INDENT + INDENT
  const entities =
    data === null
      ? ''
      : withWriter(data, (writer, items) => items.map((item) => writer.xml(item, ctx, inner)).join(''))
  const list = wrapElement(INDENT + INDENT, content.collectionKey, '', entities)
  return wrapElement(
    '',
    'QueryResult',
    NAMESPACES,
    wrapElement(INDENT, 'Entities', '', list) + pagingXml(content.paging),
  )
}

/** The five top-level keys of the capture, unused ones null; nested lists keep their wrapper (§5). */
export function queryResultJson(content: QueryContent, ctx: SerializeContext): JsonObject {
  const { data, collectionKey } = content
  let refs: JsonValue = null
  let entities: JsonValue = null
  if (content.format === 'References') {
    const list =
      data === null ? [] : withWriter(data, (writer, items) => items.map((i) => refJson(writer.ref(i, ctx))))
    refs = { Refs: list }
  } else {
    const list =
      data === null ? [] : withWriter(data, (writer, items) => items.map((i) => writer.json(i, ctx)))
    const keyed: JsonObject = {}
    for (const key of ENTITY_KEYS) keyed[key] = null
    keyed[collectionKey] = { [collectionKey]: list }
    entities = keyed
  }
  return {
    Refs: refs,
    Entities: entities,
    Resources: null,
    Links: null,
    PagingInfo: {
      Links: linksJson(pagingLinks(content.paging)),
      PageNum: content.paging.pageNum,
      PageSize: content.paging.pageSize,
      PagesCount: content.paging.pagesCount,
    },
  }
}

/**
 * A QueryResult of ObjectInJob, an "other resource" without a reference form: the schema keeps such lists under
 * `<Resources>` (em-api.md §12 [inferred]), XML `ObjectsInJob`, JSON `ObjectInJobs` (§17.5), whatever `format` says.
 */
export function resourcesResultXml(
  items: readonly IncludeRecord[],
  paging: PagingBody,
  ctx: SerializeContext,
): string {
  const inner = INDENT + INDENT + INDENT
  const list = items.map((item) => includeXml(item, ctx, inner, { withLinks: true })).join('')
  const resources = wrapElement(
    INDENT,
    'Resources',
    '',
    wrapElement(INDENT + INDENT, 'ObjectsInJob', '', list),
  )
  return wrapElement('', 'QueryResult', NAMESPACES, resources + pagingXml(paging))
}

export function resourcesResultJson(
  items: readonly IncludeRecord[],
  paging: PagingBody,
  ctx: SerializeContext,
): JsonObject {
  const list = items.map((item) => includeJson(item, ctx, true))
  return {
    Refs: null,
    Entities: null,
    Resources: { ObjectInJobs: { ObjectInJobs: list } },
    Links: null,
    PagingInfo: {
      Links: linksJson(pagingLinks(paging)),
      PageNum: paging.pageNum,
      PageSize: paging.pageSize,
      PagesCount: paging.pagesCount,
    },
  }
}
