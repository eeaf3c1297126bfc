// The serializers' one entry point: an EM body in XML or JSON, as bytes (em-api.md §1–§8).

import type {
  BackupServerRecord,
  IncludeRecord,
  JobRecord,
  LogonSessionRecord,
  ReplicaRecord,
  ReplicaSessionRecord,
  TaskView,
} from '../data/records.ts'
import type { EndTimeMode } from '../query/query-source.ts'
import {
  entityListJson,
  entityListXml,
  refListJson,
  refListXml,
  singleEntityJson,
  singleEntityXml,
  singleRefJson,
  singleRefXml,
} from './collections.ts'
import { enterpriseManagerJson, enterpriseManagerXml } from './enterprise-manager.ts'
import { type ErrorContent, errorJson, errorXml } from './error-body.ts'
import type { JsonObject } from './json-value.ts'
import { logonSessionJson, logonSessionXml } from './logon-session.ts'
import { includeJson, includeListJson, includeListXml, includeXml } from './object-in-job.ts'
import {
  type PagingBody,
  type QueryContent,
  type QueryFormat,
  queryResultJson,
  queryResultXml,
  resourcesResultJson,
  resourcesResultXml,
} from './query-result.ts'
import { queryServiceJson, queryServiceXml } from './query-service.ts'
import type { SerializeContext, TaskPathSpelling } from './serialize-context.ts'
import { taskJson, taskXml } from './task.ts'
import { pluralOf, type TypedItem, type TypedItems } from './typed-items.ts'
import { INDENT, NAMESPACES, wrapElement, XML_DECLARATION } from './xml-writer.ts'

export type EmFormat = 'xml' | 'json'

export interface RenderOptions {
  format: EmFormat
  /** Base of every Href, e.g. `https://enterprise.emulator.invalid:9398/api/` (a missing final `/` is added). */
  publicUrl: string
  endTimeMode: EndTimeMode
  taskPathSpelling: TaskPathSpelling
  /** Prefix JSON bodies with a UTF-8 BOM, as EM 9.5 did (§1); XML never gets one. */
  bom: boolean
  lookup: {
    sessionById(id: string): ReplicaSessionRecord | undefined
    serverById(id: string): BackupServerRecord | undefined
    jobById(id: string): JobRecord | undefined
    replicaById?(id: string): ReplicaRecord | undefined
    includesOfJob?(jobId: string): IncludeRecord[]
  }
}

export type EmBody =
  | { kind: 'root' }
  | { kind: 'logonSession'; session: LogonSessionRecord }
  | { kind: 'logonSessions'; sessions: readonly LogonSessionRecord[] }
  /** The Up link to the caller's logon session is written when `logonSessionId` is given. */
  | { kind: 'querySvc'; logonSessionId?: string }
  | { kind: 'queryResult'; format: QueryFormat; paging: PagingBody; data: TypedItems }
  /** A type the emulator answers empty (BackupJobSession, BackupTaskSession, Repository, §4.1). */
  | { kind: 'emptyQueryResult'; collectionKey: string; format: QueryFormat; paging: PagingBody }
  | { kind: 'refList'; data: TypedItems }
  | { kind: 'entityList'; data: TypedItems }
  | { kind: 'ref'; data: TypedItem }
  | { kind: 'entity'; data: TypedItem }
  /** The Task of an action (em-api.md §13.2), and the caller's task list. */
  | { kind: 'task'; task: TaskView }
  | { kind: 'tasks'; tasks: readonly TaskView[] }
  | ({ kind: 'error' } & ErrorContent)
  /** `/jobs/{id}/includes` and one include (em-api.md §12); ObjectInJob queries answer under Resources. */
  | { kind: 'includeList'; items: readonly IncludeRecord[] }
  | { kind: 'include'; item: IncludeRecord }
  | { kind: 'resourcesQueryResult'; paging: PagingBody; items: readonly IncludeRecord[] }

export interface Rendered {
  contentType: 'application/xml' | 'application/json'
  body: Buffer
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf])

function contextOf(options: RenderOptions): SerializeContext {
  const base = options.publicUrl.endsWith('/') ? options.publicUrl : `${options.publicUrl}/`
  return {
    base,
    endTimeMode: options.endTimeMode,
    taskPathSpelling: options.taskPathSpelling,
    lookup: options.lookup,
  }
}

function queryContent(body: Extract<EmBody, { kind: 'queryResult' | 'emptyQueryResult' }>): QueryContent {
  if (body.kind === 'emptyQueryResult')
    return { format: body.format, paging: body.paging, collectionKey: body.collectionKey, data: null }
  return { format: body.format, paging: body.paging, collectionKey: pluralOf(body.data), data: body.data }
}

function toXml(body: EmBody, ctx: SerializeContext): string {
  switch (body.kind) {
    case 'root':
      return enterpriseManagerXml(ctx.base)
    case 'logonSession':
      return logonSessionXml(body.session, ctx.base, '', NAMESPACES)
    case 'logonSessions': {
      const sessions = body.sessions.map((session) => logonSessionXml(session, ctx.base, INDENT)).join('')
      return wrapElement('', 'LogonSessions', NAMESPACES, sessions)
    }
    case 'querySvc':
      return queryServiceXml(ctx.base, body.logonSessionId)
    case 'queryResult':
    case 'emptyQueryResult':
      return queryResultXml(queryContent(body), ctx)
    case 'refList':
      return refListXml(body.data, ctx)
    case 'entityList':
      return entityListXml(body.data, ctx)
    case 'ref':
      return singleRefXml(body.data, ctx)
    case 'entity':
      return singleEntityXml(body.data, ctx)
    case 'task':
      return taskXml(body.task, ctx.base, '', NAMESPACES)
    case 'tasks': {
      const tasks = body.tasks.map((task) => taskXml(task, ctx.base, INDENT)).join('')
      return wrapElement('', 'Tasks', NAMESPACES, tasks)
    }
    case 'error':
      return errorXml(body)
    case 'includeList':
      return includeListXml(body.items, ctx)
    case 'include':
      return includeXml(body.item, ctx, '', { withLinks: true, namespaces: NAMESPACES })
    case 'resourcesQueryResult':
      return resourcesResultXml(body.items, body.paging, ctx)
  }
}

function toJson(body: EmBody, ctx: SerializeContext): JsonObject {
  switch (body.kind) {
    case 'root':
      return enterpriseManagerJson(ctx.base)
    case 'logonSession':
      return logonSessionJson(body.session, ctx.base)
    case 'logonSessions':
      return { LogonSessions: body.sessions.map((session) => logonSessionJson(session, ctx.base)) }
    case 'querySvc':
      return queryServiceJson(ctx.base, body.logonSessionId)
    case 'queryResult':
    case 'emptyQueryResult':
      return queryResultJson(queryContent(body), ctx)
    case 'refList':
      return refListJson(body.data, ctx)
    case 'entityList':
      return entityListJson(body.data, ctx)
    case 'ref':
      return singleRefJson(body.data, ctx)
    case 'entity':
      return singleEntityJson(body.data, ctx)
    case 'task':
      return taskJson(body.task, ctx.base)
    case 'tasks':
      return { Tasks: body.tasks.map((task) => taskJson(task, ctx.base)) }
    case 'error':
      return errorJson(body)
    case 'includeList':
      return includeListJson(body.items, ctx)
    case 'include':
      return includeJson(body.item, ctx, true)
    case 'resourcesQueryResult':
      return resourcesResultJson(body.items, body.paging, ctx)
  }
}

/** Serializes a body in the requested format: XML with declaration and no BOM; JSON with a BOM only if asked. */
export function render(body: EmBody, options: RenderOptions): Rendered {
  const ctx = contextOf(options)
  if (options.format === 'xml') {
    return { contentType: 'application/xml', body: Buffer.from(XML_DECLARATION + toXml(body, ctx), 'utf8') }
  }
  const json = Buffer.from(JSON.stringify(toJson(body, ctx)), 'utf8')
  return { contentType: 'application/json', body: options.bom ? Buffer.concat([BOM, json]) : json }
}
