import type { ReactNode } from 'react'
import './error-state.css'

export interface ErrorStateProps {
  title: string
  detail: string
  onRetry?: () => void
  children?: ReactNode
}

/** An inline error with an optional retry; never a stack trace. */
export function ErrorState({ title, detail, onRetry, children }: ErrorStateProps) {
  return (
    <div className="error-state" role="alert">
      <p className="error-state__title">{title}</p>
      <p className="error-state__detail">{detail}</p>
      {children}
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          Retry
        </button>
      ) : null}
    </div>
  )
}
