// Parsers a decode worker may run right after decoding (decode-message.ts): the pages the protection view reads by
// the thousand, and every other answer a query parses. Parsing there keeps the main thread free, what crosses back
// is the small parsed page instead of the whole decoded document (whose structured clone cost the main thread more
// than the parse itself), and the EM schemas stay out of the initial JS (issue 18).
import { parseBackupServer, parseBackupServersPage } from './parse-backup-server.ts'
import { parseJob, parseJobsPage } from './parse-job.ts'
import { parseIncludesPage } from './parse-object-in-job.ts'
import { parseRefsPage } from './parse-refs.ts'
import { parseReplicasPage } from './parse-replica.ts'
import { parsePointsPage } from './parse-replica-point.ts'
import { parseSession, parseSessionsPage } from './parse-session.ts'
import { parseTaskSessions, parseTaskSessionsPage } from './parse-task-session.ts'

export const PAGE_PARSERS = {
  points: parsePointsPage,
  tasks: parseTaskSessionsPage,
  sessions: parseSessionsPage,
  jobs: parseJobsPage,
  replicas: parseReplicasPage,
  includes: parseIncludesPage,
  refs: parseRefsPage,
  session: parseSession,
  taskList: parseTaskSessions,
  job: parseJob,
  backupServers: parseBackupServersPage,
  backupServer: parseBackupServer,
} as const

export type PageParserName = keyof typeof PAGE_PARSERS
export type ParsedPage<K extends PageParserName> = ReturnType<(typeof PAGE_PARSERS)[K]>
