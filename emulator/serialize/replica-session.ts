// ReplicaJobSession entity and reference (em-api.md §6.1, §5).

import type { ReplicaSessionRecord } from '../data/records.ts'
import { dateTimeText, endTimeJson, endTimeText } from './date-time.ts'
import { type EntityKind, entityHead, entityJsonTail, entityRef, entityXml } from './entity-head.ts'
import type { JsonObject } from './json-value.ts'
import { sessionLinks } from './links.ts'
import type { RefShape } from './reference.ts'
import type { SerializeContext } from './serialize-context.ts'

const KIND: EntityKind = { type: 'ReplicaJobSession', path: 'replicaSessions' }

/** `<ReplicaJobSession>` with its ten children in documented order; FailureMessage after IsRetry when set (§5). */
export function sessionXml(
  session: ReplicaSessionRecord,
  ctx: SerializeContext,
  indent: string,
  namespaces = '',
): string {
  return entityXml({
    head: entityHead(KIND, session, ctx),
    links: sessionLinks(session, ctx, 'entity'),
    fields: [
      ['JobUid', `urn:veeam:Job:${session.jobId}`],
      ['JobName', session.jobName],
      ['JobType', 'Replica'],
      ['CreationTimeUTC', dateTimeText(session.creationTime)],
      ['EndTimeUTC', endTimeText(session.endTime, ctx.endTimeMode)],
      ['State', session.state],
      ['Result', session.result],
      ['Progress', String(session.progress)],
      ['IsRetry', String(session.isRetry)],
      ['FailureMessage', session.failureMessage],
    ],
    indent,
    namespaces,
  })
}

/** JSON key order of the EM 12/13 capture: IsRetry, own fields, FailureMessage, then Name, UID, Links, Href, Type. */
export function sessionJson(session: ReplicaSessionRecord, ctx: SerializeContext): JsonObject {
  return {
    IsRetry: session.isRetry,
    JobUid: `urn:veeam:Job:${session.jobId}`,
    JobName: session.jobName,
    JobType: 'Replica',
    CreationTimeUTC: dateTimeText(session.creationTime),
    ...endTimeJson(session.endTime, ctx.endTimeMode),
    State: session.state,
    Result: session.result,
    Progress: session.progress,
    FailureMessage: session.failureMessage,
    ...entityJsonTail(entityHead(KIND, session, ctx), sessionLinks(session, ctx, 'entity')),
  }
}

export function sessionRef(session: ReplicaSessionRecord, ctx: SerializeContext): RefShape {
  return entityRef(KIND, session, ctx, sessionLinks(session, ctx, 'ref'))
}
