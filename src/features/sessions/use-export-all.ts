// Export of the whole filtered result: pages of 1,000 (EM's cap, §4.1) fetched one after another, stopping when
// PagingInfo has no Next link, de-duplicated by UID because rows can shift between pages while EM keeps
// collecting (§9.5). Each run has its own token and cache keys; cancel, a new run or leaving the page aborts it.
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { findLink } from '@/em/link-resolver.ts'
import type { ReplicaJobSession } from '@/em/parse-session.ts'
import { sessionQueries } from '@/em/session-queries.ts'
import type { SessionQuery } from '@/em/session-query-path.ts'

const EXPORT_PAGE_SIZE = 1000

export type ExportProgress =
  | { status: 'idle' }
  | { status: 'running'; page: number; pagesCount: number }
  | { status: 'failed'; message: string }

interface ExportRun {
  id: number
  cancelled: boolean
  /** The key of the page being fetched, to cancel it. */
  key: readonly unknown[] | null
}

let runs = 0

/** pageSize: EM's cap by default; tests pass a small one to cross page boundaries. */
export function useExportAll({ pageSize = EXPORT_PAGE_SIZE }: { pageSize?: number } = {}) {
  const queryClient = useQueryClient()
  const [progress, setProgress] = useState<ExportProgress>({ status: 'idle' })
  const active = useRef<ExportRun | null>(null)

  function stop(run: ExportRun) {
    run.cancelled = true
    if (run.key) void queryClient.cancelQueries({ queryKey: run.key })
    if (active.current === run) active.current = null
  }

  // Leaving the page ends the run: no more pages are asked for a file nobody will get.
  // biome-ignore lint/correctness/useExhaustiveDependencies: stop reads the latest run; this is unmount only.
  useEffect(() => () => (active.current ? stop(active.current) : undefined), [])

  /** Every session matching the query, in its order; null when cancelled. */
  async function run(query: SessionQuery): Promise<ReplicaJobSession[] | null> {
    if (active.current) stop(active.current)
    runs += 1
    const self: ExportRun = { id: runs, cancelled: false, key: null }
    active.current = self
    const report = (next: ExportProgress) => {
      if (!self.cancelled) setProgress(next)
    }
    const sessions = new Map<string, ReplicaJobSession>()
    let page = 1
    let pagesCount = 1
    try {
      for (;;) {
        report({ status: 'running', page, pagesCount })
        const options = sessionQueries.exportPage({ ...query, page, pageSize }, self.id)
        self.key = options.queryKey
        // gcTime 0: a thousand-row page for a file is not kept in the cache once written.
        const result = await queryClient.fetchQuery({ ...options, staleTime: 0, gcTime: 0 })
        if (self.cancelled) return null
        for (const session of result.items) if (!sessions.has(session.uid)) sessions.set(session.uid, session)
        pagesCount = result.paging.pagesCount
        if (!findLink(result.paging.links, 'Next') || page >= pagesCount) break
        page += 1
      }
      report({ status: 'idle' })
      return [...sessions.values()]
    } catch (error) {
      if (self.cancelled) return null
      report({ status: 'failed', message: error instanceof Error ? error.message : String(error) })
      return null
    } finally {
      if (active.current === self) active.current = null
    }
  }

  function cancel() {
    if (active.current) stop(active.current)
    setProgress({ status: 'idle' })
  }

  return { progress, run, cancel }
}
