import type { Freshness } from './freshness.ts'
import { clockTime } from './wall-header.tsx'

export interface FreshnessBannerProps {
  freshness: Freshness
  /** Why the last refresh failed, when it did. */
  problem: { title: string; detail: string } | null
  now: number
}

/** Says when the screen is not live: EM failing (with the retry countdown) or data turned stale. Never hides data. */
export function FreshnessBanner({ freshness, problem, now }: FreshnessBannerProps) {
  const { failing, stale, saved, updatedAt, nextAttemptAt } = freshness
  // Data restored from the last visit is old by nature and says so in the header; EM has not failed yet.
  if (!failing && (!stale || saved)) return null
  const title = failing && problem ? problem.title : 'No answer from Enterprise Manager'
  // No running age here: the alert's text must stay put, or screen readers repeat it every second.
  const age = updatedAt === null ? null : clockTime(updatedAt)
  return (
    <div className={`wall-banner${stale ? ' wall-banner--stale' : ''}`} role="alert">
      <p className="wall-banner__title">{title}</p>
      <p className="wall-banner__detail">
        {age ? `Showing the last good data, from ${age}${stale ? ': stale' : ''}.` : 'No data yet.'}{' '}
        {failing && problem ? problem.detail : null}
      </p>
      <p className="wall-banner__retry" aria-live="off">
        {nextAttemptAt === null
          ? 'Trying again now…'
          : `Trying again in ${Math.max(0, Math.ceil((nextAttemptAt - now) / 1000))} s`}
      </p>
    </div>
  )
}
