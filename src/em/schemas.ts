// Shared zod building blocks. XML arrives as strings (xml.ts keeps every value a string), JSON as numbers,
// booleans and null (em-api.md §5): each block accepts both, so one schema serves both formats.

import { isRecord } from '@/lib/is-record.ts'
import { addIssue, preprocess, z } from '@/lib/zod.ts'
import { EmParseError } from './errors.ts'

const INTEGER = /^\s*-?\d+\s*$/

function expected(what: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? `missing; ${what}` : what)
}

/** XML text of a whole number as a number; any other value as it is (the schemas then judge it). */
export function numberFromText(value: unknown): unknown {
  return typeof value === 'string' && INTEGER.test(value) ? Number(value) : value
}

/** XML text of true/false (any case) as a boolean; any other value as it is. */
export function booleanFromText(value: unknown): unknown {
  return typeof value === 'string' && /^\s*(true|false)\s*$/i.test(value) ? /true/i.test(value) : value
}

/** A whole number sent as a JSON number or as XML text. */
export const wireInt = preprocess(
  numberFromText,
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
export const wireBool = preprocess(booleanFromText, z.boolean({ error: expected('expected true or false') }))

/** Text that may be absent, null or an empty element (`<Reason />`): '' then. */
export const optionalText = z.pipe(
  z.nullish(z.union([z.string(), z.number()])),
  z.transform((value) => (value == null ? '' : String(value))),
)

/** Absent, null and '' → null; shared by nullableText and the quick page reader. */
export function textOrNull(value: string | null | undefined): string | null {
  return value ? value : null
}

/** Text whose absence means "none": null when absent, null or empty. */
export const nullableText = z.pipe(z.nullish(z.string()), z.transform(textOrNull))

// yyyy-MM-ddTHH:mm:ss[.f…]Z, 0–7 fraction digits (em-api.md §6.6, §9.7), `T` or a space, `Z` optional. EM writes
// UTC only. Read by character, not by a regular expression and a Date round trip: a page holds thousands (issue 18).
const SEPARATORS: readonly [number, number][] = [
  [4, 45], // -
  [7, 45], // -
  [13, 58], // :
  [16, 58], // :
]

/** Epoch ms of an EM UTC timestamp (fraction truncated to ms), or null when the text is not one. */
export function parseEmDateTime(raw: string): number | null {
  const text = raw.trim()
  if (text.length < 19) return null
  for (const [at, code] of SEPARATORS) if (text.charCodeAt(at) !== code) return null
  const t = text.charCodeAt(10)
  if (t !== 84 && t !== 116 && t !== 32) return null // T, t or a space
  const year = digitsAt(text, 0, 4)
  const month = digitsAt(text, 5, 2)
  const day = digitsAt(text, 8, 2)
  const hour = digitsAt(text, 11, 2)
  const minute = digitsAt(text, 14, 2)
  const second = digitsAt(text, 17, 2)
  let end = 19
  let ms = 0
  if (text.charCodeAt(end) === 46 /* . */) {
    let count = 0
    while (count < 8 && isDigit(text.charCodeAt(end + 1 + count))) count++
    if (count === 0 || count > 7) return null
    ms = digitsAt(text, end + 1, Math.min(count, 3)) * 10 ** Math.max(0, 3 - count)
    end += 1 + count
  }
  const z = text.charCodeAt(end)
  if (z === 90 || z === 122) end++ // Z or z
  if (end !== text.length) return null
  // Date.UTC would roll 2025-02-30 over into March and map years below 100 to 19xx: such text is not a date.
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return null
  return Date.UTC(year, month - 1, day, hour, minute, second, ms)
}

const isDigit = (code: number) => code >= 48 && code <= 57

/** The number written by `count` digits at `from`, or -1 when one of them is not a digit. */
function digitsAt(text: string, from: number, count: number): number {
  let value = 0
  for (let i = from; i < from + count; i++) {
    const code = text.charCodeAt(i)
    if (!isDigit(code)) return -1
    value = value * 10 + code - 48
  }
  return value
}

function daysIn(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  return leap ? 29 : 28
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

/** The items of a list as either format sends it (see listOf); anything unexpected is returned as it is. */
export function unwrapList(value: unknown, itemNames: readonly string[]): unknown {
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
