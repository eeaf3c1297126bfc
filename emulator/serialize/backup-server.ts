// BackupServer entity and reference (em-api.md §6.3).

import type { BackupServerRecord } from '../data/records.ts'
import { type EntityKind, entityHead, entityJsonTail, entityRef, entityXml } from './entity-head.ts'
import type { JsonObject } from './json-value.ts'
import { serverLinks } from './links.ts'
import type { RefShape } from './reference.ts'
import type { SerializeContext } from './serialize-context.ts'

const KIND: EntityKind = { type: 'BackupServer', path: 'backupServers' }

/** `<BackupServer>` of a VBR 12+ server: Description, Port, Version, WcfPort, VbrCertificateThumbprint. */
export function serverXml(
  server: BackupServerRecord,
  ctx: SerializeContext,
  indent: string,
  namespaces = '',
): string {
  return entityXml({
    head: entityHead(KIND, server, ctx),
    links: serverLinks(server, ctx, 'entity'),
    fields: [
      ['Description', server.description],
      ['Port', String(server.port)],
      ['Version', server.version],
      ['WcfPort', String(server.wcfPort)],
      ['VbrCertificateThumbprint', server.thumbprint],
    ],
    indent,
    namespaces,
  })
}

export function serverJson(server: BackupServerRecord, ctx: SerializeContext): JsonObject {
  return {
    Description: server.description,
    Port: server.port,
    Version: server.version,
    WcfPort: server.wcfPort,
    VbrCertificateThumbprint: server.thumbprint,
    ...entityJsonTail(entityHead(KIND, server, ctx), serverLinks(server, ctx, 'entity')),
  }
}

export function serverRef(server: BackupServerRecord, ctx: SerializeContext): RefShape {
  return entityRef(KIND, server, ctx, serverLinks(server, ctx, 'ref'))
}
