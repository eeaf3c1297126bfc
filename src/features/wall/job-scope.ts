// Which replica jobs the wall's job tiles watch: the job and backup-server keys of the filter, applied to the
// job list the way EM applies them to sessions (String and UID compare ignoring case, em-api.md §4.2).
import { findLink } from '@/em/link-resolver.ts'
import type { Job } from '@/em/parse-job.ts'
import type { SessionFilter } from '@/em/session-query-path.ts'

const SERVER_ID =
  /\/backupServers\/\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?(?:[/?#]|$)/i

function same(a: string | null | undefined, b: string): boolean {
  return typeof a === 'string' && a.toLowerCase() === b.toLowerCase()
}

/** The backup server a job's Up link names, as name and `urn:veeam:BackupServer:<guid>`. */
export function jobServer(job: Job): { name: string | null; uid: string | null } {
  const link = findLink(job.links, 'Up', 'BackupServerReference')
  const id = link ? SERVER_ID.exec(link.href)?.[1] : undefined
  return { name: link?.name ?? null, uid: id ? `urn:veeam:BackupServer:${id.toLowerCase()}` : null }
}

/** Whether a job is in the scope of the filter's job and backup-server keys. */
export function jobInScope(job: Job, scope: SessionFilter): boolean {
  if (scope.jobUid && !same(job.uid, scope.jobUid)) return false
  if (scope.jobName && !same(job.name, scope.jobName)) return false
  if (scope.jobType && !same(job.jobType, scope.jobType)) return false
  if (scope.backupServerUid || scope.backupServerName) {
    const server = jobServer(job)
    if (scope.backupServerUid && !same(server.uid, scope.backupServerUid)) return false
    if (scope.backupServerName && !same(server.name, scope.backupServerName)) return false
  }
  return true
}
