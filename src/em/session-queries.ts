// queryOptions for replica job sessions (STYLE §3.4): keys all → lists → list(query), counts → count(filter),
// details → detail(id) → tasks. Each leaf key carries the EmContext (the wire format); paths are
// built inside queryFn so a bad input fails the query, not the render.
import { queryOptions } from '@tanstack/react-query'
import { yieldToMain } from '@/lib/yield-to-main.ts'
import { type EmContext, emContext, emGetPage, emGetPageAnswer } from './em-get.ts'
import { resolveHref, withEntityFormat } from './link-resolver.ts'
import { withAge } from './page-age.ts'
import { buildQueryPath, type SessionFilter, type SessionQuery } from './session-query-path.ts'

const all = () => ['em', 'sessions'] as const
const lists = () => [...all(), 'list'] as const
const counts = () => [...all(), 'count'] as const
const details = () => [...all(), 'detail'] as const

function detailKey(id: string, context: EmContext) {
  return [...details(), id, context] as const
}

// 1000 is EM's page-size cap (§4.1); a replica job session holds far fewer VMs.
function taskQueryPath(sessionId: string): string {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) throw new RangeError(`Not a session id: ${sessionId}`)
  const filter = `JobSessionUid=="urn:veeam:ReplicaJobSession:${sessionId}"`
  return `/api/query?type=ReplicaTaskSession&format=Entities&filter=${encodeURIComponent(filter)}&sortAsc=Name&pageSize=1000&page=1`
}

export const sessionQueries = {
  all,
  lists,
  /** One page of sessions for a typed query, with its age when a kiosk proxy served a shared copy. */
  list: (query: SessionQuery) => {
    const context = emContext()
    return queryOptions({
      queryKey: [...lists(), context, query] as const,
      // Validated in the decode worker (page-parsers.ts): zod over 1,000 sessions is a long task of its own.
      queryFn: async ({ signal }) => {
        const path = buildQueryPath(query)
        const { page, ageMs } = await emGetPageAnswer(path, { signal, format: context.format }, 'sessions')
        return withAge(page, ageMs)
      },
    })
  },
  /**
   * One page of an export run: its own keys (not under lists(), so a refresh does not refetch it and its short
   * cache life never touches the page on screen), one `run` token per export so a new run never meets an old one.
   */
  exportPage: (query: SessionQuery, run: number) => {
    const context = emContext()
    return queryOptions({
      queryKey: [...all(), 'export', run, context, query] as const,
      queryFn: async ({ signal }) =>
        emGetPage(buildQueryPath(query), { signal, format: context.format }, 'sessions'),
    })
  },
  counts,
  /**
   * How many sessions match. EM has no total count (§4.5): a References query with one item per page
   * reports PagesCount = matches, except that an empty result still says one page.
   */
  count: (filter: SessionFilter) => {
    const context = emContext()
    return queryOptions({
      queryKey: [...counts(), context, filter] as const,
      queryFn: async ({ signal }) => {
        // Counts start with the screen that shows them, and their five requests (~15 ms of fetch set-up) would
        // land in the task that commits it, already the longest of a load (issue 18): they go one task later.
        await yieldToMain()
        const path = buildQueryPath({ filter, page: 1, pageSize: 1, format: 'References' })
        const page = await emGetPage(path, { signal, format: context.format }, 'refs')
        return page.items.length === 0 ? 0 : page.paging.pagesCount
      },
    })
  },
  details,
  /** One session entity by its lower-case GUID id. */
  detail: (id: string) => {
    const context = emContext()
    return queryOptions({
      queryKey: detailKey(id, context),
      queryFn: async ({ signal }) => {
        const path = `/api/replicaSessions/${encodeURIComponent(id)}?format=Entity`
        return emGetPage(path, { signal, format: context.format }, 'session')
      },
    })
  },
  /**
   * The task sessions of a session, by following its Down ReplicaTaskSessionReferenceList Href as given
   * (either spelling, §9.11). A refused Href fails this query only.
   */
  tasks: (id: string, downHref: string) => {
    const context = emContext()
    return queryOptions({
      queryKey: [...detailKey(id, context), 'tasks', downHref] as const,
      queryFn: async ({ signal }) => {
        const options = { signal, format: context.format }
        const listed = await emGetPage(withEntityFormat(resolveHref(downHref)), options, 'taskList')
        if (listed.length > 0) return listed
        // The Down link lists only tasks of the last 30 days (em-api.md §6.6, "never assume" 8); the query service
        // reaches back as far as EM keeps history, so an older session's VMs come from there.
        return (await emGetPage(taskQueryPath(id), options, 'tasks')).items
      },
    })
  },
  /** The last n sessions of a job, newest first. */
  history: (jobUid: string, n: number) => {
    const context = emContext()
    const query: SessionQuery = {
      filter: { jobUid },
      sort: { field: 'CreationTime', dir: 'desc' },
      page: 1,
      pageSize: n,
    }
    return queryOptions({
      queryKey: [...all(), 'history', context, jobUid, n] as const,
      queryFn: async ({ signal }) =>
        (await emGetPage(buildQueryPath(query), { signal, format: context.format }, 'sessions')).items,
    })
  },
}
