// Browser notifications for sessions that fail while the tab is open, for users who opted in (notify-toggle.tsx).
// Mounted by the signed-in layout, so it works on every desk screen and never on the wall.
import { useQuery } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useEffect, useRef } from 'react'
import type { ReplicaJobSession } from '@/em/parse-session.ts'
import { sessionQueries } from '@/em/session-queries.ts'
import { formatLocal } from '@/lib/format-time.ts'
import { notifyFailuresPreference, usePreference } from '@/lib/preferences.ts'
import { LATEST_FAILED, newlyFailed } from './failure-watch.ts'
import { notificationAccess } from './notification-access.ts'

// The explorer's default refresh; the watch keeps it while the tab is in the background, which is its point.
const WATCH_MS = 30_000

export function FailureNotifier() {
  const wanted = usePreference(notifyFailuresPreference) === 'on'
  if (!wanted || notificationAccess() !== 'granted') return null
  return <FailureWatch />
}

function FailureWatch() {
  const navigate = useNavigate()
  const known = useRef<ReadonlySet<string> | null>(null)
  const latest = useQuery({
    ...sessionQueries.list(LATEST_FAILED),
    refetchInterval: WATCH_MS,
    refetchIntervalInBackground: true,
  })

  useEffect(() => {
    if (!latest.data) return
    const { known: next, fresh } = newlyFailed(known.current, latest.data.items)
    known.current = next
    for (const session of fresh) show(session)

    function show(session: ReplicaJobSession) {
      // Permission can be taken back at any time in the browser's settings: ask again before every one.
      if (notificationAccess() !== 'granted') return
      const ended = session.endTime === null ? '' : ` · ended ${formatLocal(session.endTime)}`
      let notification: Notification
      try {
        notification = new Notification(`Replica session failed: ${session.jobName}`, {
          body: `${session.backupServerName ?? 'Unknown backup server'}${ended}`,
          // One notification per session even with the dashboard open in several tabs.
          tag: session.uid,
        })
      } catch {
        // Mobile Chrome refuses page notifications (only a service worker may show them): nothing to show.
        return
      }
      notification.onclick = () => {
        window.focus()
        notification.close()
        void navigate({ to: '/sessions/$id', params: { id: session.id } })
      }
    }
  }, [latest.data, navigate])

  return null
}
