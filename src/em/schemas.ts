// Shared zod building blocks. XML arrives as strings (xml.ts keeps every value a string), JSON as numbers,
// booleans and null (em-api.md §5): each block accepts both, so one schema serves both formats.
import { addIssue, preprocess, z } from '@/lib/zod.ts'
import { EmParseError } from './errors.ts'

const INTEGER = /^\s*-?\d+\s*$/

function expected(what: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? `missing; ${what}` : what)
}

/** A whole number sent as a JSON number or as XML text. */
export const wireInt = preprocess(
  (value) => (typeof value === 'string' && INTEGER.test(value) ? Number(value) : value),
  z
    .number({ error: expected('expected an integer') })
    .check(z.int({ error: expected('expected an integer') })),
)

/** A whole number that may be absent, null or an empty element; null then. */
export const optionalInt = z.pipe(
  preprocess((value) => (value === '' ? null : value), z.nullish(wireInt)),
  z.transform((value) => value ?? null),
)

/** true/false sent as a JSON boolean or as XML text (any case). */
export const wireBool = preprocess(
  (value) => (typeof value === 'string' && /^\s*(true|false)\s*$/i.test(value) ? /true/i.test(value) : value),
  z.boolean({ error: expected('expected true or false') }),
)

/** Text that may be absent, null or an empty element (`<Reason />`): '' then. */
export const optionalText = z.pipe(
  z.nullish(z.union([z.string(), z.number()])),
  z.transform((value) => (value == null ? '' : String(value))),
)

/** Text whose absence means "none": null when absent, null or empty. */
export const nullableText = z.pipe(
  z.nullish(z.string()),
  z.transform((value) => (value ? value : null)),
)

// yyyy-MM-ddTHH:mm:ss[.f…]Z, 0–7 fraction digits (em-api.md §6.6, §9.7). EM writes UTC only.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?[Zz]?$/

/** Epoch ms of an EM UTC timestamp (fraction truncated to ms), or null when the text is not one. */
export function parseEmDateTime(text: string): number | null {
  const match = DATE_TIME.exec(text.trim())
  if (!match) return null
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number)
  const ms = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3))
  const time = Date.UTC(year ?? 0, (month ?? 0) - 1, day, hour, minute, second, ms)
  // Date.UTC rolls 2025-02-30 over into March (and maps years below 100 to 19xx): such text is not a date.
  const back = new Date(time)
  const same =
    back.getUTCFullYear() === year &&
    back.getUTCMonth() + 1 === month &&
    back.getUTCDate() === day &&
    back.getUTCHours() === hour &&
    back.getUTCMinutes() === minute &&
    back.getUTCSeconds() === second
  return same ? time : null
}

/**
 * A timestamp that may mean "none" (em-api.md §7): absent, null, '', unparsable or before 1970 (the 1900
 * sentinel) all give null. Comparisons with other fields happen in the entity schema.
 */
export function optionalTime(value: unknown): number | null {
  const time = typeof value === 'string' ? parseEmDateTime(value) : null
  return time !== null && time >= 0 ? time : null
}

/** optionalTime as a schema member. */
export const optionalDateTime = z.pipe(z.optional(z.unknown()), z.transform(optionalTime))

function unwrapList(value: unknown, itemNames: readonly string[]): unknown {
  if (value === undefined || value === null || value === '') return []
  if (!isRecord(value)) return value
  for (const name of itemNames) {
    if (name in value) {
      const items = value[name]
      return items === null || items === '' ? [] : items
    }
  }
  return value
}

/** A list sent as a JSON array, or as an XML wrapper holding `itemNames` elements; absent, null or empty → []. */
export function listOf<T extends z.ZodMiniType>(item: T, itemNames: readonly string[]) {
  return preprocess((value) => unwrapList(value, itemNames), z.array(item))
}

/**
 * The collection named `plural` inside a QueryResult section (em-api.md §5): XML
 * `<Entities><ReplicaJobSessions><ReplicaJobSession/>…`, JSON `{"Entities":{"ReplicaJobSessions":{"ReplicaJobSessions":[…]}}}`.
 * Read by name: EM 12/13 JSON lists ~50 collections in `Entities`, all null but the requested one.
 */
export function collectionIn<T extends z.ZodMiniType>(plural: string, singular: string, item: T) {
  return z.pipe(
    preprocess(
      (section, ctx) => {
        // An XML section with no children (`<Entities />`) is an empty result.
        if (section === '') return { [plural]: [] }
        if (isRecord(section) && !(plural in section)) {
          addIssue(ctx, `expected a ${plural} collection`, [plural])
        }
        return section
      },
      z.object({ [plural]: listOf(item, [singular, plural]) }),
    ),
    z.transform((section) => section[plural] ?? []),
  )
}

/** An XML body is `{ Root: … }`; JSON is the root's content. Accepts both for a document rooted at `root`. */
export function documentOf<T extends z.ZodMiniType>(root: string, schema: T) {
  return preprocess((value) => {
    const single = isRecord(value) && Object.keys(value).length === 1
    return single && root in value ? value[root] : value
  }, schema)
}

/** Whether a decoded value is a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Runs a schema over a decoded body; a mismatch becomes an EmParseError naming the field and what it expected. */
export function parseWith<T extends z.ZodMiniType>(schema: T, doc: unknown, what: string): z.output<T> {
  const result = schema.safeParse(doc)
  if (result.success) return result.data
  const [issue] = result.error.issues
  const where = issue ? formatPath(issue.path) : ''
  throw new EmParseError(
    `Enterprise Manager sent an unexpected ${what}: ${where ? `${where}: ` : ''}${issue?.message ?? 'wrong shape'}`,
  )
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('')
}
