import type { ReactNode } from 'react'
import './empty-state.css'

/** An empty result with a hint of what to do next. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state" role="status">
      <p className="empty-state__title">{title}</p>
      {children}
    </div>
  )
}
