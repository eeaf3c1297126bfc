// ReplicaJobSession entity and reference (em-api.md §6.1, §5).

import type { ReplicaSessionRecord } from '../data/records.ts'
import { dateTimeText, endTimeText } from './date-time.ts'
import type { JsonObject } from './json-value.ts'
import { linksJson, linksXml } from './link-writer.ts'
import { sessionLinks } from './links.ts'
import { entityAttributes, type RefShape } from './reference.ts'
import type { SerializeContext } from './serialize-context.ts'
import { INDENT, textElement, wrapElement } from './xml-writer.ts'

function head(session: ReplicaSessionRecord, ctx: SerializeContext) {
  return {
    href: `${ctx.base}replicaSessions/${session.id}?format=Entity`,
    type: 'ReplicaJobSession',
    name: session.name,
    uid: `urn:veeam:ReplicaJobSession:${session.id}`,
  }
}

/** `<ReplicaJobSession>` with its ten children in documented order; FailureMessage after IsRetry when set (§5). */
export function sessionXml(
  session: ReplicaSessionRecord,
  ctx: SerializeContext,
  indent: string,
  namespaces = '',
): string {
  const inner = indent + INDENT
  const children =
    linksXml(sessionLinks(session, ctx, 'entity'), inner) +
    textElement(inner, 'JobUid', `urn:veeam:Job:${session.jobId}`) +
    textElement(inner, 'JobName', session.jobName) +
    textElement(inner, 'JobType', 'Replica') +
    textElement(inner, 'CreationTimeUTC', dateTimeText(session.creationTime)) +
    textElement(inner, 'EndTimeUTC', endTimeText(session.endTime, ctx.endTimeMode)) +
    textElement(inner, 'State', session.state) +
    textElement(inner, 'Result', session.result) +
    textElement(inner, 'Progress', String(session.progress)) +
    textElement(inner, 'IsRetry', String(session.isRetry)) +
    textElement(inner, 'FailureMessage', session.failureMessage)
  return wrapElement(indent, 'ReplicaJobSession', namespaces + entityAttributes(head(session, ctx)), children)
}

/** JSON key order of the EM 12/13 capture: IsRetry, own fields, FailureMessage, then Name, UID, Links, Href, Type. */
export function sessionJson(session: ReplicaSessionRecord, ctx: SerializeContext): JsonObject {
  const { href, type, name, uid } = head(session, ctx)
  const json: JsonObject = {
    IsRetry: session.isRetry,
    JobUid: `urn:veeam:Job:${session.jobId}`,
    JobName: session.jobName,
    JobType: 'Replica',
    CreationTimeUTC: dateTimeText(session.creationTime),
  }
  const end = endTimeText(session.endTime, ctx.endTimeMode)
  // §7: an empty end is JSON null; an absent one leaves the key out.
  if (end !== null) json.EndTimeUTC = end === '' ? null : end
  json.State = session.state
  json.Result = session.result
  json.Progress = session.progress
  json.FailureMessage = session.failureMessage
  json.Name = name
  json.UID = uid
  json.Links = linksJson(sessionLinks(session, ctx, 'entity'))
  json.Href = href
  json.Type = type
  return json
}

export function sessionRef(session: ReplicaSessionRecord, ctx: SerializeContext): RefShape {
  return {
    type: 'ReplicaJobSessionReference',
    href: `${ctx.base}replicaSessions/${session.id}`,
    name: session.name,
    uid: `urn:veeam:ReplicaJobSession:${session.id}`,
    links: sessionLinks(session, ctx, 'ref'),
  }
}
