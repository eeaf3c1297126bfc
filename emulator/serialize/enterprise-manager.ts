// `GET /api/`: the EnterpriseManager document with logon links and SupportedVersions (em-api.md §2).

import type { JsonObject } from './json-value.ts'
import { type Link, linksJson, linksXml } from './link-writer.ts'
import { INDENT, NAMESPACES, wrapElement, xmlAttributes } from './xml-writer.ts'

const VERSIONS = ['v1_5', 'v1_6', 'v1_7'] as const

function rootLinks(base: string): Link[] {
  return [
    { rel: 'Down', href: `${base}logonSessions`, type: 'LogonSessionList' },
    { rel: 'Create', href: `${base}sessionMngr/?v=latest`, type: 'LogonSession' },
  ]
}

function versionLinks(base: string, version: string): Link[] {
  return [{ rel: 'Create', href: `${base}sessionMngr/?v=${version}`, type: 'LogonSession' }]
}

/** The root document as an XML element with namespaces. */
export function enterpriseManagerXml(base: string): string {
  const versions = VERSIONS.map((version) =>
    wrapElement(
      INDENT + INDENT,
      'SupportedVersion',
      xmlAttributes([['Name', version]]),
      linksXml(versionLinks(base, version), INDENT + INDENT + INDENT),
    ),
  ).join('')
  const children = linksXml(rootLinks(base), INDENT) + wrapElement(INDENT, 'SupportedVersions', '', versions)
  return wrapElement('', 'EnterpriseManager', NAMESPACES, children)
}

/** The JSON form of §2: Links, then SupportedVersions wrapped like any nested list. */
export function enterpriseManagerJson(base: string): JsonObject {
  return {
    Links: linksJson(rootLinks(base)),
    SupportedVersions: {
      SupportedVersions: VERSIONS.map((version) => ({
        Name: version,
        Links: linksJson(versionLinks(base, version)),
      })),
    },
  }
}
