// ObjectInJob, a job's include (em-api.md §12): an "other resource" without Name/UID attributes, listed as
// XML `<ObjectsInJob>` and JSON `ObjectInJobs` (§17.5), and embedded without links in the job's JobInfo.

import type { IncludeRecord } from '../data/records.ts'
import type { JsonObject } from './json-value.ts'
import { type Link, linksJson, linksXml } from './link-writer.ts'
import type { SerializeContext } from './serialize-context.ts'
import { INDENT, NAMESPACES, textElement, wrapElement, xmlAttributes } from './xml-writer.ts'

// The v13 example elides GuestProcessingOptions; replication jobs here process no guest, so the block is short.
const GUEST_XML = (indent: string) =>
  wrapElement(
    indent,
    'GuestProcessingOptions',
    '',
    wrapElement(
      indent + INDENT,
      'VssSnapshotOptions',
      '',
      textElement(indent + INDENT + INDENT, 'VssSnapshotMode', 'Disabled') +
        textElement(indent + INDENT + INDENT, 'IsCopyOnly', 'false'),
    ) +
      textElement(indent + INDENT, 'WindowsCredentialsId', '') +
      textElement(indent + INDENT, 'LinuxCredentialsId', ''),
  )

const GUEST_JSON: JsonObject = {
  VssSnapshotOptions: { VssSnapshotMode: 'Disabled', IsCopyOnly: false },
  WindowsCredentialsId: '',
  LinuxCredentialsId: '',
}

function hrefOf(include: IncludeRecord, ctx: SerializeContext): string {
  return `${ctx.base}jobs/${include.jobId}/includes/${include.id}`
}

/** Delete (own Href, the object's name) and Up to the job entity with the job's name (§12). */
function includeLinks(include: IncludeRecord, ctx: SerializeContext): Link[] {
  return [
    { rel: 'Delete', href: hrefOf(include, ctx), name: include.name, type: 'ObjectInJob' },
    {
      rel: 'Up',
      href: `${ctx.base}jobs/${include.jobId}?format=Entity`,
      name: ctx.lookup.jobById(include.jobId)?.name,
      type: 'Job',
    },
  ]
}

/** `<ObjectInJob Type Href>`; `withLinks` false inside JobInfo, where the example has none. */
export function includeXml(
  include: IncludeRecord,
  ctx: SerializeContext,
  indent: string,
  options: { withLinks: boolean; namespaces?: string },
): string {
  const inner = indent + INDENT
  const attributes = xmlAttributes([
    ['Type', 'ObjectInJob'],
    ['Href', hrefOf(include, ctx)],
  ])
  const children =
    (options.withLinks ? linksXml(includeLinks(include, ctx), inner) : '') +
    textElement(inner, 'ObjectInJobId', include.id) +
    textElement(inner, 'HierarchyObjRef', include.hierarchyObjRef) +
    textElement(inner, 'Name', include.name) +
    textElement(inner, 'DisplayName', include.displayName) +
    GUEST_XML(inner)
  return wrapElement(indent, 'ObjectInJob', (options.namespaces ?? '') + attributes, children)
}

/** JSON: own fields, then Links (when any), Href, Type. */
export function includeJson(include: IncludeRecord, ctx: SerializeContext, withLinks: boolean): JsonObject {
  const json: JsonObject = {
    ObjectInJobId: include.id,
    HierarchyObjRef: include.hierarchyObjRef,
    Name: include.name,
    DisplayName: include.displayName,
    GuestProcessingOptions: GUEST_JSON,
  }
  if (withLinks) json.Links = linksJson(includeLinks(include, ctx))
  json.Href = hrefOf(include, ctx)
  json.Type = 'ObjectInJob'
  return json
}

/** `GET /jobs/{id}/includes`: XML root `ObjectsInJob`, JSON `{"ObjectInJobs":[…]}`. */
export function includeListXml(includes: readonly IncludeRecord[], ctx: SerializeContext): string {
  const items = includes.map((include) => includeXml(include, ctx, INDENT, { withLinks: true })).join('')
  return wrapElement('', 'ObjectsInJob', NAMESPACES, items)
}

export function includeListJson(includes: readonly IncludeRecord[], ctx: SerializeContext): JsonObject {
  return { ObjectInJobs: includes.map((include) => includeJson(include, ctx, true)) }
}

/** The job entity's `JobInfo › ReplicaJobInfo` (§17.3): the includes without links, then the job's guest options. */
export function jobInfoXml(
  includes: readonly IncludeRecord[] | undefined,
  ctx: SerializeContext,
  indent: string,
) {
  if (includes === undefined) return textElement(indent, 'JobInfo', '')
  const deep = indent + INDENT + INDENT
  const items = includes
    .map((include) => includeXml(include, ctx, deep + INDENT, { withLinks: false }))
    .join('')
  const info = wrapElement(
    indent + INDENT,
    'ReplicaJobInfo',
    '',
    wrapElement(deep, 'Includes', '', items) + GUEST_XML(deep),
  )
  return wrapElement(indent, 'JobInfo', '', info)
}

export function jobInfoJson(
  includes: readonly IncludeRecord[] | undefined,
  ctx: SerializeContext,
): JsonObject {
  if (includes === undefined) return {}
  return {
    ReplicaJobInfo: {
      Includes: { ObjectInJobs: includes.map((include) => includeJson(include, ctx, false)) },
      GuestProcessingOptions: GUEST_JSON,
    },
  }
}
