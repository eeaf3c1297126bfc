// A page's age, kept apart from page-schema.ts so the query modules can use it without loading the EM schemas
// (parsing happens in the decode worker; the main thread's first render needs none of it).
import type { Page } from './page-schema.ts'

/** The page with the age its answer arrived with, when the proxy said one. */
export function withAge<P extends Page<unknown>>(page: P, ageMs: number | undefined): P {
  return ageMs === undefined ? page : { ...page, ageMs }
}
