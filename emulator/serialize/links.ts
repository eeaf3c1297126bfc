// The link sets of each entity and reference, in EM's order (em-api.md §5, §6.1–6.4).

import type {
  BackupServerRecord,
  JobRecord,
  ReplicaSessionRecord,
  TaskSessionRecord,
} from '../data/records.ts'
import type { Link } from './link-writer.ts'
import type { SerializeContext } from './serialize-context.ts'

export type LinkForm = 'entity' | 'ref'

function serverUp(ctx: SerializeContext, serverId: string, name: string | undefined): Link {
  return { rel: 'Up', href: `${ctx.base}backupServers/${serverId}`, name, type: 'BackupServerReference' }
}

/** ReplicaJobSession links (§6.1): servers first, since a public client reads `Links[0].Name` as the server. */
export function sessionLinks(session: ReplicaSessionRecord, ctx: SerializeContext, form: LinkForm): Link[] {
  const self = `${ctx.base}replicaSessions/${session.id}`
  return [
    serverUp(ctx, session.backupServerId, session.backupServerName),
    { rel: 'Up', href: `${ctx.base}jobs/${session.jobId}`, name: session.jobName, type: 'JobReference' },
    form === 'entity'
      ? { rel: 'Alternate', href: self, name: session.name, type: 'ReplicaJobSessionReference' }
      : { rel: 'Alternate', href: `${self}?format=Entity`, name: session.name, type: 'ReplicaJobSession' },
    // The doc examples spell it `repicaTaskSessions`; which one is written is a switch (§6.1).
    { rel: 'Down', href: `${self}/${ctx.taskPathSpelling}`, type: 'ReplicaTaskSessionReferenceList' },
  ]
}

/** ReplicaTaskSession links: the three of the v13 example (§6.2), mirrored for the reference form (§5). */
export function taskLinks(task: TaskSessionRecord, ctx: SerializeContext, form: LinkForm): Link[] {
  const parent = ctx.lookup.sessionById(task.sessionId)
  const self = `${ctx.base}replicaTaskSessions/${task.id}`
  const links: Link[] =
    parent === undefined ? [] : [serverUp(ctx, parent.backupServerId, parent.backupServerName)]
  links.push({
    rel: 'Up',
    href: `${ctx.base}replicaSessions/${task.sessionId}`,
    name: parent?.name,
    type: 'ReplicaJobSessionReference',
  })
  links.push(
    form === 'entity'
      ? { rel: 'Alternate', href: self, name: task.name, type: 'ReplicaTaskSessionReference' }
      : { rel: 'Alternate', href: `${self}?format=Entity`, name: task.name, type: 'ReplicaTaskSession' },
  )
  return links
}

/** Job links of a backup job minus BackupJobSessionReferenceList, which replica jobs do not have (§6.4). */
export function jobLinks(job: JobRecord, ctx: SerializeContext, form: LinkForm): Link[] {
  const self = `${ctx.base}jobs/${job.id}`
  const up = serverUp(ctx, job.backupServerId, ctx.lookup.serverById(job.backupServerId)?.name)
  if (form === 'ref')
    return [up, { rel: 'Alternate', href: `${self}?format=Entity`, name: job.name, type: 'Job' }]
  return [
    up,
    { rel: 'Alternate', href: self, name: job.name, type: 'JobReference' },
    { rel: 'Edit', href: self, name: job.name, type: 'JobReference' },
    { rel: 'Clone', href: `${self}?action=clone` },
    { rel: 'ToggleScheduleEnabled', href: `${self}?action=toggleScheduleEnabled` },
    { rel: 'Down', href: `${self}/includes`, type: 'ObjectInJobList' },
    { rel: 'Create', href: `${self}/includes`, type: 'ObjectInJob' },
    { rel: 'Start', href: `${self}?action=start` },
    { rel: 'Stop', href: `${self}?action=stop` },
    { rel: 'Retry', href: `${self}?action=retry` },
  ]
}

/** BackupServer links: the v13 entity list (§6.3) or the reference list of samples/backupserver-reference.json. */
export function serverLinks(server: BackupServerRecord, ctx: SerializeContext, form: LinkForm): Link[] {
  const self = `${ctx.base}backupServers/${server.id}`
  const down = (path: string, type: string): Link => ({ rel: 'Down', href: `${self}/${path}`, type })
  if (form === 'ref') {
    return [
      down('jobs', 'JobReferenceList'),
      down('repositories', 'RepositoryReferenceList'),
      down('externalRepositories', 'ExternalRepositoryReferenceList'),
      down('credentials', 'CredentialsList'),
      down('passwords', 'PasswordKeyList'),
      { rel: 'Alternate', href: `${self}?format=Entity`, name: server.name, type: 'BackupServer' },
      down('managedServers', 'ManagedServerReferenceList'),
    ]
  }
  return [
    { rel: 'Alternate', href: self, name: server.name, type: 'BackupServerReference' },
    { rel: 'Edit', href: self, type: 'BackupServerReference' },
    { rel: 'Delete', href: self, type: 'BackupServerReference' },
    down('jobs', 'JobReferenceList'),
    down('managedServers', 'ManagedServerReferenceList'),
    down('repositories', 'RepositoryReferenceList'),
    down('externalRepositories', 'ExternalRepositoryReferenceList'),
    down('credentials', 'CredentialsList'),
    { rel: 'Create', href: `${self}/credentials?action=create` },
    down('passwords', 'PasswordKeyList'),
    { rel: 'Create', href: `${self}/passwords?action=create` },
    { rel: 'VeeamZip', href: `${self}?action=veeamzip` },
    { rel: 'QuickBackup', href: `${self}?action=quickbackup` },
    { rel: 'Start', href: `${self}?action=collect` },
  ]
}
