// The wall's real request mix, for the two-copies test and the bench: the kiosk GETs one wall screen sends per
// refresh, built by the wall's own code (wall-screen.tsx): its recent sessions, its running sessions (unless the
// filter rules them out), the recent sessions of its jobs (the same request as the first when the filter names no
// job), and the replica jobs; for a handful of bookmarks as a NOC would have them. The RPO query a wall adds only
// when its jobs' recent sessions reach back too little is left out.
import { REPLICA_JOBS_PATH } from '../../src/em/job-queries.ts'
import { buildQueryPath } from '../../src/em/session-query-path.ts'
import { wallSearchSchema } from '../../src/features/wall/search-params.ts'
import { wallQueries } from '../../src/features/wall/wall-queries.ts'
import { v } from '../../src/lib/valibot.ts'

/** Wall bookmarks' filters: everything, failures only, two job-type views and one by state. */
export const WALL_BOOKMARKS: ReadonlyArray<Record<string, unknown>> = [
  {},
  { result: ['Failed'] },
  { result: ['Failed', 'Warning'] },
  { jobType: 'Replica' },
  { state: ['Working', 'Stopped'] },
]

/** The distinct paths a screen with this bookmark asks every refresh. */
export function wallRequestPaths(bookmark: Record<string, unknown>): string[] {
  const queries = wallQueries(v.parse(wallSearchSchema, bookmark))
  const sessions = [queries.recent, ...(queries.runningPossible ? [queries.running] : []), queries.jobRecent]
  return [...new Set([...sessions.map((query) => buildQueryPath(query)), REPLICA_JOBS_PATH])]
}

/** Every distinct path the bookmarks ask, each once. */
export function distinctWallPaths(bookmarks = WALL_BOOKMARKS): string[] {
  return [...new Set(bookmarks.flatMap(wallRequestPaths))]
}
