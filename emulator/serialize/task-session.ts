// ReplicaTaskSession entity and reference (em-api.md §6.2, §5).

import type { TaskSessionRecord } from '../data/records.ts'
import { dateTimeText, endTimeText } from './date-time.ts'
import type { JsonObject } from './json-value.ts'
import { linksJson, linksXml } from './link-writer.ts'
import { taskLinks } from './links.ts'
import { entityAttributes, type RefShape } from './reference.ts'
import type { SerializeContext } from './serialize-context.ts'
import { INDENT, textElement, wrapElement } from './xml-writer.ts'

function head(task: TaskSessionRecord, ctx: SerializeContext) {
  return {
    href: `${ctx.base}replicaTaskSessions/${task.id}?format=Entity`,
    type: 'ReplicaTaskSession',
    name: task.name,
    uid: `urn:veeam:ReplicaTaskSession:${task.id}`,
  }
}

/** `<ReplicaTaskSession … VmDisplayName>`: no Progress; Reason is an empty element when there is none. */
export function taskXml(
  task: TaskSessionRecord,
  ctx: SerializeContext,
  indent: string,
  namespaces = '',
): string {
  const inner = indent + INDENT
  const children =
    linksXml(taskLinks(task, ctx, 'entity'), inner) +
    textElement(inner, 'JobSessionUid', `urn:veeam:ReplicaJobSession:${task.sessionId}`) +
    textElement(inner, 'CreationTimeUTC', dateTimeText(task.creationTime)) +
    textElement(inner, 'EndTimeUTC', endTimeText(task.endTime, ctx.endTimeMode)) +
    textElement(inner, 'State', task.state) +
    textElement(inner, 'Result', task.result) +
    textElement(inner, 'Reason', task.reason) +
    textElement(inner, 'TotalSize', String(task.totalSize))
  const attributes = entityAttributes(head(task, ctx), [['VmDisplayName', task.vmName]])
  return wrapElement(indent, 'ReplicaTaskSession', namespaces + attributes, children)
}

/** JSON: own fields, VmDisplayName, then Name, UID, Links, Href, Type (§6.2). */
export function taskJson(task: TaskSessionRecord, ctx: SerializeContext): JsonObject {
  const { href, type, name, uid } = head(task, ctx)
  const json: JsonObject = {
    JobSessionUid: `urn:veeam:ReplicaJobSession:${task.sessionId}`,
    CreationTimeUTC: dateTimeText(task.creationTime),
  }
  const end = endTimeText(task.endTime, ctx.endTimeMode)
  if (end !== null) json.EndTimeUTC = end === '' ? null : end
  json.State = task.state
  json.Result = task.result
  json.Reason = task.reason
  json.TotalSize = task.totalSize
  json.VmDisplayName = task.vmName
  json.Name = name
  json.UID = uid
  json.Links = linksJson(taskLinks(task, ctx, 'entity'))
  json.Href = href
  json.Type = type
  return json
}

export function taskRef(task: TaskSessionRecord, ctx: SerializeContext): RefShape {
  return {
    type: 'ReplicaTaskSessionReference',
    href: `${ctx.base}replicaTaskSessions/${task.id}`,
    name: task.name,
    uid: `urn:veeam:ReplicaTaskSession:${task.id}`,
    links: taskLinks(task, ctx, 'ref'),
  }
}
