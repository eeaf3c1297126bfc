// BackupServer entities (em-api.md §6.3). Version 8–11 servers send no WcfPort.
import { z } from '@/lib/zod.ts'
import { idFromUid } from './link-resolver.ts'
import { type EmLink, linksSchema } from './link-schema.ts'
import { type Page, queryPageOf } from './page-schema.ts'
import { documentOf, optionalInt, optionalText, parseWith } from './schemas.ts'

export interface BackupServer {
  uid: string
  id: string
  name: string
  href: string
  description: string
  port: number | null
  version: string
  wcfPort: number | null
  links: EmLink[]
}

const backupServerSchema = z.pipe(
  z.object({
    UID: z.string(),
    Name: z.string(),
    Href: z.string(),
    Links: linksSchema,
    Description: optionalText,
    Port: optionalInt,
    // Text such as "13.0.0.1420" or "8.0": never a number, though a JSON writer might make it one.
    Version: optionalText,
    WcfPort: optionalInt,
  }),
  z.transform(
    (raw): BackupServer => ({
      uid: raw.UID,
      id: idFromUid(raw.UID),
      name: raw.Name,
      href: raw.Href,
      description: raw.Description,
      port: raw.Port,
      version: raw.Version,
      wcfPort: raw.WcfPort,
      links: raw.Links,
    }),
  ),
)

/** A BackupServer entity document (`/backupServers/{id}?format=Entity`) → BackupServer. */
export function parseBackupServer(doc: unknown): BackupServer {
  return parseWith(documentOf('BackupServer', backupServerSchema), doc, 'BackupServer')
}

/** A QueryResult `type=BackupServer&format=Entities` page → Page<BackupServer>. */
export function parseBackupServersPage(doc: unknown): Page<BackupServer> {
  const schema = queryPageOf(
    'Entities',
    { plural: 'BackupServers', singular: 'BackupServer' },
    backupServerSchema,
  )
  return parseWith(schema, doc, 'page of BackupServers')
}
