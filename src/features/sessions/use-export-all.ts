// Export of the whole filtered result: pages of 1,000 (EM's cap, §4.1) fetched one after another through the
// list query options, stopping when PagingInfo has no Next link, de-duplicated by UID because rows can shift
// between pages while EM keeps collecting (§9.5).
import { useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { findLink } from '@/em/link-resolver.ts'
import type { ReplicaJobSession } from '@/em/parse-session.ts'
import { sessionQueries } from '@/em/session-queries.ts'
import type { SessionQuery } from '@/em/session-query-path.ts'

const EXPORT_PAGE_SIZE = 1000

export type ExportProgress =
  | { status: 'idle' }
  | { status: 'running'; page: number; pagesCount: number }
  | { status: 'failed'; message: string }

/** pageSize: EM's cap by default; tests pass a small one to cross page boundaries. */
export function useExportAll({ pageSize = EXPORT_PAGE_SIZE }: { pageSize?: number } = {}) {
  const queryClient = useQueryClient()
  const [progress, setProgress] = useState<ExportProgress>({ status: 'idle' })
  const cancelled = useRef(false)
  const current = useRef<readonly unknown[] | null>(null)

  /** Every session matching the query, in its order; null when cancelled. */
  async function run(query: SessionQuery): Promise<ReplicaJobSession[] | null> {
    cancelled.current = false
    const sessions = new Map<string, ReplicaJobSession>()
    let page = 1
    let pagesCount = 1
    try {
      for (;;) {
        setProgress({ status: 'running', page, pagesCount })
        const options = sessionQueries.list({ ...query, page, pageSize })
        current.current = options.queryKey
        // gcTime 0: a thousand-row page for a file is not kept in the cache once written.
        const result = await queryClient.fetchQuery({ ...options, staleTime: 0, gcTime: 0 })
        if (cancelled.current) return null
        for (const session of result.items) if (!sessions.has(session.uid)) sessions.set(session.uid, session)
        pagesCount = result.paging.pagesCount
        if (!findLink(result.paging.links, 'Next') || page >= pagesCount) break
        page += 1
      }
      setProgress({ status: 'idle' })
      return [...sessions.values()]
    } catch (error) {
      if (cancelled.current) return null
      setProgress({ status: 'failed', message: error instanceof Error ? error.message : String(error) })
      return null
    } finally {
      current.current = null
    }
  }

  function cancel() {
    cancelled.current = true
    if (current.current) void queryClient.cancelQueries({ queryKey: current.current })
    setProgress({ status: 'idle' })
  }

  return { progress, run, cancel }
}
