// `GET /api/querySvc`: preset query links (em-api.md §1 "Resources covered", samples/querysvc.xml).

import type { JsonObject } from './json-value.ts'
import { type Link, linksJson, linksXml } from './link-writer.ts'
import { INDENT, NAMESPACES, wrapElement, xmlAttributes } from './xml-writer.ts'

// The sample's links for the types the emulator answers; its `type=Task` link is left out (that type is a 400).
// The replica presets of the v13.1 example (em-api.md §11.1) follow; the abridged sample does not show where
// they sit among the others.
const PRESETS: readonly (readonly [listType: string, queryType: string])[] = [
  ['JobList', 'Job'],
  ['BackupTaskSessionList', 'BackupTaskSession'],
  ['ReplicaTaskSessionList', 'ReplicaTaskSession'],
  ['BackupJobSessionList', 'BackupJobSession'],
  ['ReplicaJobSessionList', 'ReplicaJobSession'],
  ['BackupServerList', 'BackupServer'],
  ['ReplicaList', 'Replica'],
  ['VmReplicaPointList', 'VmReplicaPoint'],
]

function queryServiceLinks(base: string, logonSessionId: string | undefined): Link[] {
  const up: Link[] =
    logonSessionId === undefined
      ? []
      : [{ rel: 'Up', href: `${base}logonSessions/${logonSessionId}`, type: 'LogonSession' }]
  return up.concat(
    PRESETS.map(([listType, queryType]) => ({
      rel: 'Down',
      href: `${base}query?type=${queryType}&format=Entities&sortAsc=name&pageSize=15&page=1`,
      type: listType,
    })),
  )
}

/** The QuerySvc document; the Up link to the caller's logon session is written when its id is known. */
export function queryServiceXml(base: string, logonSessionId: string | undefined): string {
  const attributes = xmlAttributes([
    ['Type', 'QueryService'],
    ['Href', `${base}querySvc`],
  ])
  return wrapElement(
    '',
    'QuerySvc',
    NAMESPACES + attributes,
    linksXml(queryServiceLinks(base, logonSessionId), INDENT),
  )
}

export function queryServiceJson(base: string, logonSessionId: string | undefined): JsonObject {
  return {
    Links: linksJson(queryServiceLinks(base, logonSessionId)),
    Href: `${base}querySvc`,
    Type: 'QueryService',
  }
}
