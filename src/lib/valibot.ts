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
