// What the emulator behind an integration test holds, read from its records rather than through the app's own
// transport and parsers: an expectation computed by the code under test would hide a parser bug on both sides.
import { screen } from '@testing-library/react'
import type {
  BackupServerRecord,
  JobRecord,
  ReplicaSessionRecord,
  TaskSessionRecord,
} from '../../emulator/data/records.ts'
import type { EmContext } from '../../emulator/handlers/context.ts'
import { sessionLinks } from '../../emulator/serialize/links.ts'

/** A session as the emulator stores it (times in microseconds); tests outside src/test/ may not import emulator/. */
export type StoredSession = ReplicaSessionRecord

/** The newest stored sessions that match, as EM would list them by CreationTime desc. */
export function storedSessions(
  context: EmContext,
  match: (session: ReplicaSessionRecord) => boolean,
  limit = 20,
): ReplicaSessionRecord[] {
  return storedPage(context, match, { pageSize: limit }).items
}

export interface StoredPageOptions {
  /** A sort key of the record; default CreationTime. */
  by?: (session: ReplicaSessionRecord) => number | string
  dir?: 'asc' | 'desc'
  page?: number
  pageSize: number
}

/**
 * One page of the stored sessions that match, in EM's order (§4.4: by the key, ties by UID ascending in either
 * direction), and how many pages there are (EM says 1 for none). The store is first moved to the emulator's now,
 * as every request to it does.
 */
export function storedPage(
  context: EmContext,
  match: (session: ReplicaSessionRecord) => boolean,
  { by = (session) => session.creationTime, dir = 'desc', page = 1, pageSize }: StoredPageOptions,
): { items: ReplicaSessionRecord[]; total: number; pagesCount: number } {
  context.store.advance(context.now() * 1000)
  const sign = dir === 'asc' ? 1 : -1
  const sorted = context.store.sessions.filter(match).toSorted((a, b) => {
    const [x, y] = [by(a), by(b)]
    if (x !== y) return (x < y ? -1 : 1) * sign
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  })
  return {
    items: sorted.slice((page - 1) * pageSize, page * pageSize),
    total: sorted.length,
    pagesCount: Math.max(1, Math.ceil(sorted.length / pageSize)),
  }
}

export interface StoredLinks {
  server: BackupServerRecord
  job: JobRecord
  tasks: TaskSessionRecord[]
  /** How many links the session entity carries (em-api.md §6.1). */
  linkCount: number
}

/** The records behind a session's Up and Down links. */
export function storedLinks(context: EmContext, session: ReplicaSessionRecord): StoredLinks {
  const { store, config } = context
  const server = store.serverById(session.backupServerId)
  const job = store.jobById(session.jobId)
  if (!server || !job) throw new Error(`${session.name} has no stored server or job`)
  const ctx = {
    base: config.publicUrl,
    endTimeMode: config.endTimeMode,
    taskPathSpelling: config.taskPathSpelling,
    lookup: store,
  }
  return {
    server,
    job,
    tasks: store.tasksOfSession(session.id),
    linkCount: sessionLinks(session, ctx, 'entity').length,
  }
}

/** The newest stored session that matches and has at least `minTasks` VMs; throws when there is none. */
export function storedSessionWithTasks(
  context: EmContext,
  match: (session: ReplicaSessionRecord) => boolean,
  minTasks: number,
): ReplicaSessionRecord {
  const found = storedSessions(context, match).find(
    (session) => context.store.tasksOfSession(session.id).length >= minTasks,
  )
  if (!found) throw new Error(`the emulator has no matching session with ${minTasks} or more VMs`)
  return found
}

/** A card by its heading; generous, as the emulator builds its indexes on the first query of a run. */
export function findCard(name: string) {
  return screen.findByRole('region', { name }, { timeout: 5000 })
}
