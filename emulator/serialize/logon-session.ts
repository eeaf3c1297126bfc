// LogonSession and LogonSessions (em-api.md §3, §6.5): the full link list of samples/logonsession.xml.

import type { LogonSessionRecord } from '../data/records.ts'
import type { JsonObject } from './json-value.ts'
import { type Link, linksJson, linksXml } from './link-writer.ts'
import { INDENT, textElement, wrapElement, xmlAttributes } from './xml-writer.ts'

// [Rel, Type, path after /api/, Name]: every Down/Create link of a v1_7 logon, in the doc's order.
const SESSION_LINKS: readonly (readonly [string, string | undefined, string, string?])[] = [
  ['Down', 'BackupServerReferenceList', 'backupServers'],
  ['Down', 'ManagedServerReferenceList', 'managedServers'],
  ['Down', 'JobReferenceList', 'jobs'],
  ['Down', 'FailoverPlanReferenceList', 'failoverPlans'],
  ['Down', 'HierarchyRootReferenceList', 'hierarchyRoots'],
  ['Down', 'RepositoryReferenceList', 'repositories'],
  ['Down', 'BackupReferenceList', 'backups'],
  ['Down', 'RestorePointReferenceList', 'restorePoints'],
  ['Down', 'VmRestorePointReferenceList', 'vmRestorePoints'],
  ['Down', 'VAppRestorePointReferenceList', 'vAppRestorePoints'],
  ['Down', 'ReplicaReferenceList', 'replicas'],
  ['Down', 'VmReplicaPointReferenceList', 'vmReplicaPoints'],
  ['Down', 'CatalogVmReferenceList', 'catalog/vms'],
  ['Down', 'BackupJobSessionReferenceList', 'backupSessions'],
  ['Down', 'RestoreSessionReferenceList', 'restoreSessions'],
  ['Down', 'ReplicaJobSessionReferenceList', 'replicaSessions'],
  ['Down', 'BackupTaskSessionReferenceList', 'backupTaskSessions'],
  ['Down', 'ReplicaTaskSessionReferenceList', 'replicaTaskSessions'],
  ['Down', 'EnterpriseSecuritySettings', 'security'],
  ['Down', 'WanAcceleratorReferenceList', 'wanAccelerators'],
  ['Down', 'BackupFileReferenceList', 'backupFiles'],
  ['Down', 'ExternalRepositoryReferenceList', 'externalRepositories'],
  ['Down', 'TaskList', 'tasks'],
  ['Down', 'QueryService', 'querySvc'],
  ['Down', 'LookupService', 'lookupSvc'],
  ['Down', 'Report', 'reports/summary', 'Summary'],
  ['Down', 'BackupServerList', 'backupServers?format=Entity'],
  ['Down', 'ManagedServerList', 'managedServers?format=Entity'],
  ['Create', undefined, 'backupServers?action=create'],
  ['Down', 'JobList', 'jobs?format=Entity'],
  ['Down', 'FailoverPlanList', 'failoverPlans?format=Entity'],
  ['Down', 'HierarchyRootList', 'hierarchyRoots?format=Entity'],
  ['Down', 'RepositoryList', 'repositories?format=Entity'],
  ['Down', 'BackupList', 'backups?format=Entity'],
  ['Down', 'RestorePointList', 'restorePoints?format=Entity'],
  ['Down', 'VmRestorePointList', 'vmRestorePoints?format=Entity'],
  ['Down', 'VAppRestorePointList', 'vAppRestorePoints?format=Entity'],
  ['Down', 'ReplicaList', 'replicas?format=Entity'],
  ['Down', 'VmReplicaPointList', 'vmReplicaPoints?format=Entity'],
  ['Down', 'CatalogVmList', 'catalog/vms?format=Entity'],
  ['Down', 'BackupJobSessionList', 'backupSessions?format=Entity'],
  ['Down', 'RestoreSessionList', 'restoreSessions?format=Entity'],
  ['Down', 'ReplicaJobSessionList', 'replicaSessions?format=Entity'],
  ['Down', 'BackupTaskSessionList', 'backupTaskSessions?format=Entity'],
  ['Down', 'ReplicaTaskSessionList', 'replicaTaskSessions?format=Entity'],
  ['Down', 'WanAcceleratorList', 'wanAccelerators?format=Entity'],
  ['Down', 'VCloudService', 'vCloud'],
  ['Down', 'BackupFileList', 'backupFiles?format=Entity'],
  ['Down', 'AgentsService', 'agents'],
  ['Down', 'VSphereSelfService', 'selfService/vSphere'],
  ['Down', 'ExternalRepositoryList', 'externalRepositories?format=Entity'],
  ['Down', 'NasService', 'nas'],
]

/** Up, the Down/Create list, then Delete (the link clients log out with; written without Type, §3). */
export function logonSessionLinks(base: string, sessionId: string): Link[] {
  return [
    { rel: 'Up', href: base, type: 'EnterpriseManager' },
    ...SESSION_LINKS.map(([rel, type, path, name]) => ({ rel, href: `${base}${path}`, type, name })),
    { rel: 'Delete', href: `${base}logonSessions/${sessionId}` },
  ]
}

/** One `<LogonSession Type Href>` element; `namespaces` is set on a root element. */
export function logonSessionXml(
  session: LogonSessionRecord,
  base: string,
  indent: string,
  namespaces = '',
): string {
  const inner = indent + INDENT
  const attributes = xmlAttributes([
    ['Type', 'LogonSession'],
    ['Href', `${base}logonSessions/${session.sessionId}`],
  ])
  const children =
    linksXml(logonSessionLinks(base, session.sessionId), inner) +
    textElement(inner, 'UserName', session.userName) +
    textElement(inner, 'SessionId', session.sessionId)
  return wrapElement(indent, 'LogonSession', namespaces + attributes, children)
}

/** The JSON form: UserName, SessionId, Links, Href, Type (§3). */
export function logonSessionJson(session: LogonSessionRecord, base: string): JsonObject {
  return {
    UserName: session.userName,
    SessionId: session.sessionId,
    Links: linksJson(logonSessionLinks(base, session.sessionId)),
    Href: `${base}logonSessions/${session.sessionId}`,
    Type: 'LogonSession',
  }
}
