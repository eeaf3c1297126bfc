import type { ReplicaJobSession } from '@/em/parse-session.ts'
import { durationMs, isRunning } from '@/em/session-status.ts'
import { describeDuration, formatDuration } from '@/lib/format-duration.ts'
import { useNow } from '@/lib/use-now.ts'

function Duration({ ms }: { ms: number | null }) {
  return (
    <span className="detail-duration">
      <span aria-hidden="true">{formatDuration(ms)}</span>
      <span className="sr-only">{describeDuration(ms)}</span>
    </span>
  )
}

function Elapsed({ session }: { session: ReplicaJobSession }) {
  const now = useNow(1000)
  return <Duration ms={durationMs(session, now)} />
}

/** End − start; while the session runs, the time so far, ticking each second. */
export function LiveDuration({ session }: { session: ReplicaJobSession }) {
  if (isRunning(session) && session.endTime === null) return <Elapsed session={session} />
  return <Duration ms={durationMs(session, Date.now())} />
}
