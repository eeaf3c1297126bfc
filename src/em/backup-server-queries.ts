// queryOptions for backup servers: the list (filter pickers) and a server followed from an Up link.
import { queryOptions } from '@tanstack/react-query'
import { emContext, emGetPage } from './em-get.ts'
import { resolveHref, withEntityFormat } from './link-resolver.ts'

// 1000 is EM's page-size cap (§4.1).
const SERVERS_PATH = '/api/query?type=BackupServer&format=Entities&sortAsc=Name&pageSize=1000&page=1'

const all = () => ['em', 'backupServers'] as const
const lists = () => [...all(), 'list'] as const
const details = () => [...all(), 'detail'] as const

export const backupServerQueries = {
  all,
  lists,
  /** Every backup server, by name. */
  list: () => {
    const context = emContext()
    return queryOptions({
      queryKey: [...lists(), context] as const,
      queryFn: async ({ signal }) =>
        emGetPage(SERVERS_PATH, { signal, format: context.format }, 'backupServers'),
    })
  },
  details,
  /** The server entity behind an Up BackupServerReference Href (any host; re-based onto the proxy). */
  detail: (href: string) => {
    const context = emContext()
    return queryOptions({
      queryKey: [...details(), href, context] as const,
      queryFn: async ({ signal }) =>
        emGetPage(withEntityFormat(resolveHref(href)), { signal, format: context.format }, 'backupServer'),
    })
  },
}
