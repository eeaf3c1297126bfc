// queryOptions for jobs: the replica job list (filter pickers) and a job followed from a session's Up link.
import { queryOptions } from '@tanstack/react-query'
import { emContext, emGetPage, emGetPageAnswer } from './em-get.ts'
import { resolveHref, withEntityFormat } from './link-resolver.ts'
import { withAge } from './page-age.ts'

// 1000 is EM's page-size cap (§4.1): one page holds every replica job of any sane installation.
// Exported for the service bench and the two-copies test, which send what a wall sends.
export const REPLICA_JOBS_PATH = `/api/query?type=Job&format=Entities&filter=${encodeURIComponent('JobType==Replica')}&sortAsc=Name&pageSize=1000&page=1`

const all = () => ['em', 'jobs'] as const
const lists = () => [...all(), 'list'] as const
const details = () => [...all(), 'detail'] as const

export const jobQueries = {
  all,
  lists,
  /** Every replica job, by name, with its age when a kiosk proxy served a shared copy. */
  replicaList: () => {
    const context = emContext()
    return queryOptions({
      queryKey: [...lists(), 'replica', context] as const,
      // Parsed in the decode worker: a replica job carries its includes (em-api.md §17.3), so the page is large.
      queryFn: async ({ signal }) => {
        const options = { signal, format: context.format }
        const { page, ageMs } = await emGetPageAnswer(REPLICA_JOBS_PATH, options, 'jobs')
        return withAge(page, ageMs)
      },
    })
  },
  details,
  /** The job entity behind an Up JobReference Href (any host; re-based onto the proxy). */
  detail: (href: string) => {
    const context = emContext()
    return queryOptions({
      queryKey: [...details(), href, context] as const,
      queryFn: async ({ signal }) =>
        emGetPage(withEntityFormat(resolveHref(href)), { signal, format: context.format }, 'job'),
    })
  },
}
