import type { ReactNode } from 'react'
import { Card } from '@/components/card.tsx'
import { EmptyState } from '@/components/empty-state.tsx'
import { ErrorBoundary } from '@/components/error-boundary.tsx'
import { ErrorState } from '@/components/error-state.tsx'
import type { EmLink } from '@/em/link-schema.ts'
import { describeFailure } from './describe-failure.ts'
import { LINK_CARDS, type LinkCard } from './link-cards.ts'

export interface LinkedCardProps {
  card: LinkCard
  /** The link feeding this card; undefined when the session has none of its kind. */
  link: EmLink | undefined
  /** What the link leads to, for messages: "the backup server". */
  what: string
  /** Rel and Type of the expected link, to say which one is missing. */
  expects: string
  className?: string
  children: (link: EmLink) => ReactNode
}

/** A card fed by one link of the session, with its own error boundary: a failure here stays here. */
export function LinkedCard({ card, link, what, expects, className, children }: LinkedCardProps) {
  const { title, anchor } = LINK_CARDS[card]
  return (
    <Card title={title} id={anchor} className={className}>
      {link ? (
        <ErrorBoundary
          fallback={(error, reset) => {
            const words = describeFailure(error, what)
            return <ErrorState title={words.title} detail={words.detail} onRetry={reset} />
          }}
        >
          {children(link)}
        </ErrorBoundary>
      ) : (
        <EmptyState title={`This session has no ${expects} link`}>
          <p>Enterprise Manager did not say where to find {what}.</p>
        </EmptyState>
      )}
    </Card>
  )
}
