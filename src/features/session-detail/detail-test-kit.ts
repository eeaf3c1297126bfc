// Test-only helpers for the detail view's integration tests: sign in, and ask the emulator (through the app's own
// transport and parsers) what a session, its server, job and tasks are, so tests never paste expected values.
import { screen } from '@testing-library/react'
import { emGet } from '@/em/em-get.ts'
import { findLink, resolveHref, withEntityFormat } from '@/em/link-resolver.ts'
import { parseBackupServer } from '@/em/parse-backup-server.ts'
import { parseJob } from '@/em/parse-job.ts'
import { parseSessionsPage, type ReplicaJobSession } from '@/em/parse-session.ts'
import { parseTaskSessions } from '@/em/parse-task-session.ts'
import { buildQueryPath, type SessionFilter } from '@/em/session-query-path.ts'
import { signInToEm } from '@/test/em-server.ts'

export async function signIn(): Promise<void> {
  await signInToEm()
}

async function follow(session: ReplicaJobSession, rel: string, type: string): Promise<unknown> {
  const link = findLink(session.links, rel, type)
  if (!link) throw new Error(`${session.name} has no ${rel} ${type} link`)
  return emGet(withEntityFormat(resolveHref(link.href)), { format: 'xml' })
}

/** The newest sessions matching a filter, as EM answers them. */
export async function emSessions(filter: SessionFilter, pageSize = 20): Promise<ReplicaJobSession[]> {
  const path = buildQueryPath({ filter, sort: { field: 'CreationTime', dir: 'desc' }, page: 1, pageSize })
  return parseSessionsPage(await emGet(path, { format: 'xml' })).items
}

/** What EM says lies behind a session's Up and Down links. */
export async function emLinked(session: ReplicaJobSession) {
  return {
    server: parseBackupServer(await follow(session, 'Up', 'BackupServerReference')),
    job: parseJob(await follow(session, 'Up', 'JobReference')),
    tasks: parseTaskSessions(await follow(session, 'Down', 'ReplicaTaskSessionReferenceList')),
  }
}

/** A card by its heading; generous, as the emulator builds its indexes on the first query of a run. */
export function findCard(name: string) {
  return screen.findByRole('region', { name }, { timeout: 5000 })
}
