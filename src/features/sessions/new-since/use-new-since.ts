// Keeps "when did this browser last see the explorer, and what had EM reported by then" while the explorer is on
// screen, and this tab's "new since" mark (new-failures.ts decides when that moves).
import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { sessionQueries } from '@/em/session-queries.ts'
import { lastSeenPreference, newSincePreference, type SeenMark, usePreference } from '@/lib/preferences.ts'
import { markNow, NEWEST_FAILURE, sinceOnShow } from './new-failures.ts'

// While the explorer is on screen, "last seen" is now: written this often, and when it leaves the screen.
const SEEN_TICK_MS = 60_000

function onScreen(): boolean {
  return globalThis.document?.visibilityState !== 'hidden'
}

export function useNewSince(refetchInterval: number | false): {
  since: SeenMark | null
  markSeen: () => void
} {
  const since = usePreference(newSincePreference)
  const newest = useQuery({ ...sessionQueries.list(NEWEST_FAILURE), refetchInterval })
  // The newest failure EM has reported while the list is on screen (undefined until it answers).
  const newestEnd = useRef<number | null | undefined>(undefined)
  if (newest.data) newestEnd.current = newest.data.items[0]?.endTime ?? null
  const answeredEnd = newestEnd.current

  // EM's answer moves "what had EM reported by then" at once: a tab closed a moment after the answer (before the
  // next tick) must not leave a mark of this browser's clock, which is not an end EM reported.
  useEffect(() => {
    if (answeredEnd !== undefined && onScreen()) {
      lastSeenPreference.set(markNow(Date.now(), answeredEnd, lastSeenPreference.get()))
    }
  }, [answeredEnd])

  useEffect(() => {
    const seen = () =>
      lastSeenPreference.set(markNow(Date.now(), newestEnd.current, lastSeenPreference.get()))
    function show() {
      const now = Date.now()
      newSincePreference.set(
        sinceOnShow({ tabSince: newSincePreference.get(), lastSeen: lastSeenPreference.get(), now }),
      )
      seen()
    }
    const onVisibility = () => (onScreen() ? show() : seen())
    if (onScreen()) show()
    const timer = setInterval(() => {
      if (onScreen()) seen()
    }, SEEN_TICK_MS)
    document.addEventListener('visibilitychange', onVisibility)
    window.addEventListener('pagehide', seen)
    return () => {
      clearInterval(timer)
      document.removeEventListener('visibilitychange', onVisibility)
      window.removeEventListener('pagehide', seen)
      seen()
    }
  }, [])

  return {
    since,
    markSeen: () => {
      const mark = markNow(Date.now(), newestEnd.current, newSincePreference.get())
      newSincePreference.set(mark)
      lastSeenPreference.set(mark)
    },
  }
}
