// The CSV form of sessions: UTC for the record and local time for reading, the zone named in the header.
import type { ReplicaJobSession } from '@/em/parse-session.ts'
import { durationMs } from '@/em/session-status.ts'
import { type SessionSearch, sessionSearchFields } from '@/em/session-url-filter.ts'
import { type CsvCell, toCsv } from '@/lib/csv.ts'
import { formatUtc, localZoneName } from '@/lib/format-time.ts'
import { formatLocalSortable } from '@/lib/local-datetime.ts'

function times(ms: number | null): [CsvCell, CsvCell] {
  return ms === null ? [null, null] : [formatUtc(ms), formatLocalSortable(ms)]
}

/** Sessions → CSV text (header first); durations of running sessions are measured up to `now`. */
export function sessionsToCsv(sessions: readonly ReplicaJobSession[], now: number): string {
  const zone = localZoneName(now)
  const header = [
    'Session',
    'Session UID',
    'Job',
    'Job UID',
    'Backup server',
    'Backup server UID',
    'State',
    'Result',
    'Progress (%)',
    'Retry',
    'Started (UTC)',
    `Started (local, ${zone})`,
    'Ended (UTC)',
    `Ended (local, ${zone})`,
    'Duration (s)',
    'Failure message',
  ]
  const rows = sessions.map((session): CsvCell[] => {
    const duration = durationMs(session, now)
    return [
      session.name,
      session.uid,
      session.jobName,
      session.jobUid,
      session.backupServerName,
      session.backupServerUid,
      session.state,
      session.result,
      session.progress,
      session.isRetry,
      ...times(session.creationTime),
      ...times(session.endTime),
      duration === null ? null : Math.round(duration / 1000),
      session.failureMessage,
    ]
  })
  return toCsv([header, ...rows])
}

function part(text: string): string {
  return text.replace(/[^A-Za-z0-9.+-]+/g, '-').replace(/^-+|-+$/g, '')
}

// A GUID says nothing to a reader of a file list: its first block is enough to tell two files apart.
function shortUid(uid: string): string {
  return uid.replace(/^urn:veeam:\w+:/, '').slice(0, 8)
}

/** A file name that says the filter and the time: replica-sessions_result-Failed_created-7d_20251019-0846.csv. */
export function csvFileName(search: SessionSearch, scope: string, at: number): string {
  const parts: string[] = []
  for (const [key, value] of Object.entries(search)) {
    // Only the filter: sort, page size and the like do not change what the rows are.
    if (!(key in sessionSearchFields) || value === undefined || (Array.isArray(value) && value.length === 0))
      continue
    if (key === 'q') parts.push('q')
    else if (key === 'uid' || key === 'jobUid' || key === 'serverUid')
      parts.push(`${key}-${shortUid(String(value))}`)
    else parts.push(`${key}-${part(Array.isArray(value) ? value.join('+') : String(value))}`)
  }
  const stamp = formatLocalSortable(at).replace(/[-:]/g, '').replace(' ', '-').slice(0, 13)
  const filter = parts.length > 0 ? parts.join('_').slice(0, 120) : 'all'
  return `replica-sessions_${filter}_${scope}_${stamp}.csv`
}
