// valibot for what runs before the first render: the routes' URL search, the signed-in session, stored preferences
// and cache, the proxy's config. Why a second schema library: everything the start-up code imports is initial JS
// (issue 18's budget is 120 KB gzip), and zod/mini was about 10 KB gzip of it where the few valibot functions used
// here cost about 2.5. zod stays the source of truth for EM's documents (src/em/parse-*.ts, src/lib/zod.ts), which
// are validated in the decode worker or in lazy chunks.
import * as v from 'valibot'

/** What zod's English messages called the type of a value ("array", "null", "number"). */
function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'array'
  return value === null ? 'null' : typeof value
}

// A wrong type reads as it did under zod (the explorer's ignored-keys notice shows it), set once before any parse:
// "Invalid input: expected string, received number".
v.setSpecificMessage(v.string, (issue) => `Invalid input: expected string, received ${kindOf(issue.input)}`)

export { v }

/**
 * A URL key read leniently (STYLE §3.5): missing, or not readable as `schema`, it is `value`, or left out when no
 * value is given. A bookmark with one bad key still opens a working screen, and the screen says what it ignored.
 */
export function lenient<const TSchema extends v.GenericSchema>(
  schema: TSchema,
): v.SchemaWithFallback<v.OptionalSchema<TSchema, undefined>, undefined>
export function lenient<
  const TSchema extends v.GenericSchema,
  const TValue extends v.InferInput<TSchema> & v.InferOutput<TSchema>,
>(schema: TSchema, value: TValue): v.SchemaWithFallback<v.OptionalSchema<TSchema, TValue>, TValue>
export function lenient(schema: v.GenericSchema, value?: unknown) {
  return v.fallback(v.optional(schema, value), value)
}
