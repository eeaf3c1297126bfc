import { type ReactNode, useId } from 'react'
import './card.css'

export interface CardProps {
  title: string
  /** The section's id, so another part of the page can bring it into view. */
  id?: string
  /** Controls shown beside the title (a retry, a link). */
  actions?: ReactNode
  children: ReactNode
  className?: string
}

/** A titled region of a page; landmarks are named by their heading (STYLE §3.12). */
export function Card({ title, id, actions, children, className }: CardProps) {
  const headingId = useId()
  return (
    // tabIndex -1: the page may move focus here (from the links panel) without adding a tab stop.
    <section
      className={className ? `card ${className}` : 'card'}
      id={id}
      aria-labelledby={headingId}
      tabIndex={-1}
    >
      <div className="card__header">
        <h2 className="card__title" id={headingId}>
          {title}
        </h2>
        {actions ? <div className="card__actions">{actions}</div> : null}
      </div>
      {children}
    </section>
  )
}
