// Link sets of replicas and replica points, in the order of the v13 examples (em-api.md §11.2, §11.4).

import type { ReplicaPointRecord, ReplicaRecord } from '../data/records.ts'
import type { Link } from './link-writer.ts'
import type { LinkForm } from './links.ts'
import type { SerializeContext } from './serialize-context.ts'

function serverUp(ctx: SerializeContext, serverId: string): Link {
  const name = ctx.lookup.serverById(serverId)?.name
  return { rel: 'Up', href: `${ctx.base}backupServers/${serverId}`, name, type: 'BackupServerReference' }
}

/** Entity: Up repository, Up server, Alternate, Down points; the reference puts the server first. */
export function replicaLinks(replica: ReplicaRecord, ctx: SerializeContext, form: LinkForm): Link[] {
  const self = `${ctx.base}replicas/${replica.id}`
  const repository: Link = {
    rel: 'Up',
    href: `${ctx.base}repositories/${replica.repositoryId}`,
    name: replica.repositoryName,
    type: 'RepositoryReference',
  }
  const points: Link = { rel: 'Down', href: `${self}/vmReplicaPoints`, type: 'VmReplicaPointReferenceList' }
  if (form === 'ref') {
    return [
      serverUp(ctx, replica.backupServerId),
      repository,
      { rel: 'Alternate', href: `${self}?format=Entity`, name: replica.name, type: 'Replica' },
      points,
    ]
  }
  return [
    repository,
    serverUp(ctx, replica.backupServerId),
    { rel: 'Alternate', href: self, name: replica.name, type: 'ReplicaReference' },
    points,
  ]
}

/**
 * Entity: Failover first (so `Links[0]` is not the server, §17.6), Up server, Up replica, Alternate, mounts.
 * Reference: Up server, Up replica, Alternate with `Type="VmReplicaPoint"`.
 */
export function pointLinks(point: ReplicaPointRecord, ctx: SerializeContext, form: LinkForm): Link[] {
  const self = `${ctx.base}vmReplicaPoints/${point.id}`
  const replica = ctx.lookup.replicaById?.(point.replicaId)
  const ups: Link[] = replica === undefined ? [] : [serverUp(ctx, replica.backupServerId)]
  ups.push({
    rel: 'Up',
    href: `${ctx.base}replicas/${point.replicaId}`,
    name: replica?.name,
    type: 'ReplicaReference',
  })
  if (form === 'ref')
    return [
      ...ups,
      { rel: 'Alternate', href: `${self}?format=Entity`, name: point.name, type: 'VmReplicaPoint' },
    ]
  return [
    { rel: 'Failover', href: `${self}?action=failover` },
    ...ups,
    { rel: 'Alternate', href: self, name: point.name, type: 'VmReplicaPointReference' },
    { rel: 'Down', href: `${self}/mounts`, type: 'VmReplicaPointMountList' },
    { rel: 'Create', href: `${self}/mounts`, type: 'VmReplicaPointMount' },
  ]
}
