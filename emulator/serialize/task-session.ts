// ReplicaTaskSession entity and reference (em-api.md §6.2, §5).

import type { TaskSessionRecord } from '../data/records.ts'
import { dateTimeText, endTimeJson, endTimeText } from './date-time.ts'
import { type EntityKind, entityHead, entityJsonTail, entityRef, entityXml } from './entity-head.ts'
import type { JsonObject } from './json-value.ts'
import { taskLinks } from './links.ts'
import type { RefShape } from './reference.ts'
import type { SerializeContext } from './serialize-context.ts'

const KIND: EntityKind = { type: 'ReplicaTaskSession', path: 'replicaTaskSessions' }

/** `<ReplicaTaskSession … VmDisplayName>`: no Progress; Reason is an empty element when there is none. */
export function taskXml(
  task: TaskSessionRecord,
  ctx: SerializeContext,
  indent: string,
  namespaces = '',
): string {
  return entityXml({
    head: entityHead(KIND, task, ctx),
    links: taskLinks(task, ctx, 'entity'),
    fields: [
      ['JobSessionUid', `urn:veeam:ReplicaJobSession:${task.sessionId}`],
      ['CreationTimeUTC', dateTimeText(task.creationTime)],
      ['EndTimeUTC', endTimeText(task.endTime, ctx.endTimeMode)],
      ['State', task.state],
      ['Result', task.result],
      ['Reason', task.reason],
      ['TotalSize', String(task.totalSize)],
    ],
    extra: [['VmDisplayName', task.vmName]],
    indent,
    namespaces,
  })
}

/** JSON: own fields, VmDisplayName, then Name, UID, Links, Href, Type (§6.2). */
export function taskJson(task: TaskSessionRecord, ctx: SerializeContext): JsonObject {
  return {
    JobSessionUid: `urn:veeam:ReplicaJobSession:${task.sessionId}`,
    CreationTimeUTC: dateTimeText(task.creationTime),
    ...endTimeJson(task.endTime, ctx.endTimeMode),
    State: task.state,
    Result: task.result,
    Reason: task.reason,
    TotalSize: task.totalSize,
    VmDisplayName: task.vmName,
    ...entityJsonTail(entityHead(KIND, task, ctx), taskLinks(task, ctx, 'entity')),
  }
}

export function taskRef(task: TaskSessionRecord, ctx: SerializeContext): RefShape {
  return entityRef(KIND, task, ctx, taskLinks(task, ctx, 'ref'))
}
