import type { UseQueryResult } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { ErrorState } from '@/components/error-state.tsx'
import { formatLocal } from '@/lib/format-time.ts'
import { describeFailure } from './describe-failure.ts'

// Placeholder lines never reorder; fixed keys keep React from remounting them.
const LINE_KEYS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']

export interface QueryViewProps<T> {
  query: UseQueryResult<T>
  /** What the query loads, for messages: "the backup server". */
  what: string
  /** Skeleton lines while nothing has arrived yet. */
  lines?: number
  children: (data: T) => ReactNode
}

/**
 * Data first, then error, then pending (STYLE §3.7): data stays on screen when a refresh fails, with a line
 * saying so; without data the error and a retry; only then a skeleton.
 */
export function QueryView<T>({ query, what, lines = 3, children }: QueryViewProps<T>) {
  const retry = () => void query.refetch()
  if (query.data !== undefined) {
    return (
      <>
        {query.isError ? (
          <p className="notice" role="status">
            Could not refresh {what}: showing what arrived at {formatLocal(query.dataUpdatedAt)}.
            <button type="button" className="button button--small" onClick={retry}>
              Retry
            </button>
          </p>
        ) : null}
        {children(query.data)}
      </>
    )
  }
  if (query.isError) {
    const { title, detail } = describeFailure(query.error, what)
    return <ErrorState title={title} detail={detail} onRetry={retry} />
  }
  return (
    <div className="detail-skeleton" role="status" aria-label={`Loading ${what}`}>
      {LINE_KEYS.slice(0, lines).map((line) => (
        <div className="skeleton" key={line} />
      ))}
    </div>
  )
}
