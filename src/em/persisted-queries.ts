// Which EM answers the browser may keep between visits (the instant start, README "Security"): the lists and
// counts a first screen shows, never a single session's detail, its tasks, an export run or anything that is not
// EM data (the proxy's config, the deployed build).
import { backupServerQueries } from './backup-server-queries.ts'
import { jobQueries } from './job-queries.ts'
import { sessionQueries } from './session-queries.ts'

const PERSISTED_PREFIXES: readonly (readonly unknown[])[] = [
  sessionQueries.lists(),
  sessionQueries.counts(),
  jobQueries.lists(),
  backupServerQueries.lists(),
]

/** True for the query keys whose data may be stored in the browser for the next visit. */
export function isPersistedQueryKey(queryKey: readonly unknown[]): boolean {
  return PERSISTED_PREFIXES.some(
    (prefix) => prefix.length <= queryKey.length && prefix.every((part, i) => queryKey[i] === part),
  )
}
