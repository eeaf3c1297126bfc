// BackupServer entity and reference (em-api.md §6.3).

import type { BackupServerRecord } from '../data/records.ts'
import type { JsonObject } from './json-value.ts'
import { linksJson, linksXml } from './link-writer.ts'
import { serverLinks } from './links.ts'
import { entityAttributes, type RefShape } from './reference.ts'
import type { SerializeContext } from './serialize-context.ts'
import { INDENT, textElement, wrapElement } from './xml-writer.ts'

function head(server: BackupServerRecord, ctx: SerializeContext) {
  return {
    href: `${ctx.base}backupServers/${server.id}?format=Entity`,
    type: 'BackupServer',
    name: server.name,
    uid: `urn:veeam:BackupServer:${server.id}`,
  }
}

/** `<BackupServer>` of a VBR 12+ server: Description, Port, Version, WcfPort, VbrCertificateThumbprint. */
export function serverXml(
  server: BackupServerRecord,
  ctx: SerializeContext,
  indent: string,
  namespaces = '',
): string {
  const inner = indent + INDENT
  const children =
    linksXml(serverLinks(server, ctx, 'entity'), inner) +
    textElement(inner, 'Description', server.description) +
    textElement(inner, 'Port', String(server.port)) +
    textElement(inner, 'Version', server.version) +
    textElement(inner, 'WcfPort', String(server.wcfPort)) +
    textElement(inner, 'VbrCertificateThumbprint', server.thumbprint)
  return wrapElement(indent, 'BackupServer', namespaces + entityAttributes(head(server, ctx)), children)
}

export function serverJson(server: BackupServerRecord, ctx: SerializeContext): JsonObject {
  const { href, type, name, uid } = head(server, ctx)
  return {
    Description: server.description,
    Port: server.port,
    Version: server.version,
    WcfPort: server.wcfPort,
    VbrCertificateThumbprint: server.thumbprint,
    Name: name,
    UID: uid,
    Links: linksJson(serverLinks(server, ctx, 'entity')),
    Href: href,
    Type: type,
  }
}

export function serverRef(server: BackupServerRecord, ctx: SerializeContext): RefShape {
  return {
    type: 'BackupServerReference',
    href: `${ctx.base}backupServers/${server.id}`,
    name: server.name,
    uid: `urn:veeam:BackupServer:${server.id}`,
    links: serverLinks(server, ctx, 'ref'),
  }
}
