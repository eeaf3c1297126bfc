// The URL form of SessionFilter, shared by every screen that filters replica sessions (explorer, wall): short
// keys a person can read and hand-edit, validated per key, turned into a SessionFilter only when querying.
import { lenient, v } from '@/lib/valibot.ts'
import { checkFilterSyntax, normalizeUid, type SessionFilter } from './session-query-path.ts'
import { KNOWN_RESULTS, KNOWN_STATES } from './session-status.ts'

export const TIME_WINDOWS = ['1h', '24h', '7d', '30d'] as const
export type TimeWindow = (typeof TIME_WINDOWS)[number]

const WINDOW_MS: Record<TimeWindow, number> = {
  '1h': 3_600_000,
  '24h': 86_400_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
}

export const RETRY_CHOICES = ['only', 'exclude'] as const

// The router reads `?name=2024` as the number 2024 (its search parser tries JSON first): text keys take it back.
const text = v.union(
  [v.string(), v.pipe(v.number(), v.transform(String)), v.pipe(v.boolean(), v.transform(String))],
  'expected text',
)

function uid(kind: 'Job' | 'BackupServer' | 'ReplicaJobSession') {
  return v.pipe(
    text,
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const normalized = normalizeUid(kind, dataset.value)
      if (normalized === null) {
        addIssue({ message: `expected urn:veeam:${kind}:<GUID> or a bare GUID` })
        return NEVER
      }
      return normalized
    }),
  )
}

// Enum values are case-insensitive in EM (§4.2); the URL keeps EM's spelling.
function oneOf<const T extends string>(values: readonly T[]) {
  return v.pipe(
    v.string(),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const found = values.find((known) => known.toLowerCase() === dataset.value.toLowerCase())
      if (found === undefined) {
        addIssue({ message: `expected one of ${values.join(', ')}` })
        return NEVER
      }
      return found
    }),
  )
}

// A list key also takes a single bare value, so `?result=Failed` works when typed by hand.
function listOf<const T extends string>(values: readonly T[]) {
  const item = oneOf(values)
  return v.pipe(
    v.union(
      [
        v.array(item),
        v.pipe(
          item,
          v.transform((value) => [value]),
        ),
      ],
      `expected one or more of ${values.join(', ')}`,
    ),
    v.transform((list) => [...new Set(list)]),
  )
}

// ISO-8601 in UTC with a Z, as EM's own times (§6.6); a local time without a zone would mean different instants
// to different readers of the same link.
const utcTime = v.pipe(
  v.string(),
  v.regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?Z$/,
    'expected a UTC time like 2025-10-19T06:00:00Z',
  ),
  v.check((value) => Number.isFinite(Date.parse(value)), 'not a real date'),
)

const advanced = v.pipe(
  text,
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return
    const check = checkFilterSyntax(dataset.value)
    if (!check.ok) addIssue({ message: `${check.message} (at ${check.position + 1})` })
  }),
)

/** One strict schema per URL key: a value that fails here is ignored (and reported) by the lenient schema. */
export const sessionSearchFields = {
  name: text,
  uid: uid('ReplicaJobSession'),
  jobUid: uid('Job'),
  job: text,
  serverUid: uid('BackupServer'),
  server: text,
  jobType: oneOf(['Replica']),
  state: listOf(KNOWN_STATES),
  result: listOf(KNOWN_RESULTS),
  retry: oneOf(RETRY_CHOICES),
  created: oneOf(TIME_WINDOWS),
  createdFrom: utcTime,
  createdTo: utcTime,
  ended: oneOf(TIME_WINDOWS),
  endedFrom: utcTime,
  endedTo: utcTime,
  q: advanced,
}

export type SessionSearchKey = keyof typeof sessionSearchFields

/** The lenient schema for validateSearch: every key optional, a bad value falls back to absent. */
export const sessionSearchSchema = v.object({
  name: lenient(sessionSearchFields.name),
  uid: lenient(sessionSearchFields.uid),
  jobUid: lenient(sessionSearchFields.jobUid),
  job: lenient(sessionSearchFields.job),
  serverUid: lenient(sessionSearchFields.serverUid),
  server: lenient(sessionSearchFields.server),
  jobType: lenient(sessionSearchFields.jobType),
  state: lenient(sessionSearchFields.state),
  result: lenient(sessionSearchFields.result),
  retry: lenient(sessionSearchFields.retry),
  created: lenient(sessionSearchFields.created),
  createdFrom: lenient(sessionSearchFields.createdFrom),
  createdTo: lenient(sessionSearchFields.createdTo),
  ended: lenient(sessionSearchFields.ended),
  endedFrom: lenient(sessionSearchFields.endedFrom),
  endedTo: lenient(sessionSearchFields.endedTo),
  q: lenient(sessionSearchFields.q),
})

export type SessionSearch = v.InferOutput<typeof sessionSearchSchema>

function range(
  window: TimeWindow | undefined,
  from: string | undefined,
  to: string | undefined,
  now: number,
): { from?: number; to?: number } {
  // A preset wins over a custom range: it is what the user picked last (the controls never write both).
  if (window) return { from: now - WINDOW_MS[window] }
  return {
    ...(from ? { from: Date.parse(from) } : {}),
    ...(to ? { to: Date.parse(to) } : {}),
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value
}

/** The SessionFilter a validated search asks for; relative windows end at `now` (epoch ms). */
export function toSessionFilter(search: SessionSearch, now: number): SessionFilter {
  const created = range(search.created, search.createdFrom, search.createdTo, now)
  const ended = range(search.ended, search.endedFrom, search.endedTo, now)
  // Unset keys stay undefined: query keys hash like JSON, which leaves them out.
  return {
    name: nonEmpty(search.name),
    uid: search.uid,
    jobUid: search.jobUid,
    jobName: nonEmpty(search.job),
    jobType: search.jobType,
    backupServerUid: search.serverUid,
    backupServerName: nonEmpty(search.server),
    states: search.state?.length ? search.state : undefined,
    results: search.result?.length ? search.result : undefined,
    isRetry: search.retry === undefined ? undefined : search.retry === 'only',
    creationFrom: created.from,
    creationTo: created.to,
    endFrom: ended.from,
    endTo: ended.to,
    advanced: nonEmpty(search.q),
  }
}
