import { useQueryClient } from '@tanstack/react-query'
import { Link, useCanGoBack, useRouter } from '@tanstack/react-router'
import type { MouseEvent } from 'react'
import type { ReplicaJobSession } from '@/em/parse-session.ts'
import { findNeighbours } from './neighbours.ts'
import { useNeighbourKeys } from './use-neighbour-keys.ts'

/**
 * Breadcrumbs (Sessions › job › session) and previous/next in the list the user came from. Coming from that
 * list, "Sessions" goes back in history, so its filters, sort, page and scroll return exactly; prev/next replace
 * the history entry, so one Back still leads to the list.
 */
export function SessionNav({ session }: { session: ReplicaJobSession }) {
  const router = useRouter()
  const canGoBack = useCanGoBack()
  const neighbours = findNeighbours(useQueryClient(), session.id)
  const backToList = canGoBack && neighbours !== null

  function open(id: string) {
    void router.navigate({ to: '/sessions/$id', params: { id }, replace: true })
  }
  const { previous, next } = neighbours ?? { previous: null, next: null }
  useNeighbourKeys(previous ? () => open(previous.id) : null, next ? () => open(next.id) : null)

  function toList(event: MouseEvent<HTMLAnchorElement>) {
    if (!backToList || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return
    event.preventDefault()
    router.history.back()
  }

  return (
    <div className="detail-nav">
      <nav aria-label="Breadcrumb">
        <ol className="detail-crumbs">
          <li>
            <Link to="/sessions" onClick={toList}>
              Sessions
            </Link>
          </li>
          <li>
            <Link to="/sessions" search={{ jobUid: session.jobUid }}>
              <bdi>{session.jobName}</bdi>
            </Link>
          </li>
          <li aria-current="page">
            <bdi>{session.name}</bdi>
          </li>
        </ol>
      </nav>
      {neighbours ? (
        <nav className="detail-nav__steps" aria-label="Sessions in your list">
          <span className="detail-nav__position">
            {neighbours.position} of {neighbours.total} in your list
          </span>
          <button
            type="button"
            className="button button--small"
            disabled={!previous}
            aria-keyshortcuts="k"
            title={previous ? `${previous.name} (k)` : undefined}
            onClick={() => previous && open(previous.id)}
          >
            <span aria-hidden="true">‹</span> Previous
          </button>
          <button
            type="button"
            className="button button--small"
            disabled={!next}
            aria-keyshortcuts="j"
            title={next ? `${next.name} (j)` : undefined}
            onClick={() => next && open(next.id)}
          >
            Next <span aria-hidden="true">›</span>
          </button>
        </nav>
      ) : null}
    </div>
  )
}
