// The wall's real request mix, for the two-copies test and the bench: the kiosk GETs one wall screen sends per
// refresh (its recent sessions, running sessions and the recent sessions of its jobs: three queries, built by the
// wall's own code), for a handful of bookmarks as a NOC would have them.
import { buildQueryPath } from '../../src/em/session-query.ts'
import { wallSearchSchema } from '../../src/features/wall/search-params.ts'
import { wallQueries } from '../../src/features/wall/wall-queries.ts'

/** Wall bookmarks' filters: everything, failures only, two job-type views and one by state. */
export const WALL_BOOKMARKS: ReadonlyArray<Record<string, unknown>> = [
  {},
  { result: ['Failed'] },
  { result: ['Failed', 'Warning'] },
  { jobType: 'Replica' },
  { state: ['Working', 'Stopped'] },
]

/** The three paths a screen with this bookmark asks every refresh. */
export function wallRequestPaths(bookmark: Record<string, unknown>): string[] {
  const queries = wallQueries(wallSearchSchema.parse(bookmark))
  return [queries.recent, queries.running, queries.jobRecent].map((query) => buildQueryPath(query))
}

/** Every distinct path the bookmarks ask, each once. */
export function distinctWallPaths(bookmarks = WALL_BOOKMARKS): string[] {
  return [...new Set(bookmarks.flatMap(wallRequestPaths))]
}
