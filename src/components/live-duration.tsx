import { describeDuration, formatDuration } from '@/lib/format-duration.ts'
import { useNow } from '@/lib/use-now.ts'

function Duration({ ms }: { ms: number | null }) {
  return (
    <span className="duration" title={describeDuration(ms)}>
      <span aria-hidden="true">{formatDuration(ms)}</span>
      <span className="sr-only">{describeDuration(ms)}</span>
    </span>
  )
}

function Ticking({ msAt }: { msAt: (now: number) => number | null }) {
  const now = useNow(1000)
  return <Duration ms={msAt(now)} />
}

export interface LiveDurationProps {
  /** The duration at a moment (epoch ms); null when it is unknown. */
  msAt: (now: number) => number | null
  /** Still counting: re-rendered each second from one shared clock. */
  ticking: boolean
}

/** A duration, short on screen and spelled out for screen readers; one that is still counting ticks each second. */
export function LiveDuration({ msAt, ticking }: LiveDurationProps) {
  if (ticking) return <Ticking msAt={msAt} />
  return <Duration ms={msAt(Date.now())} />
}
