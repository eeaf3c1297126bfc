// Keeps "when did this browser last see the explorer" while it is on screen, and this tab's "new since" moment
// (new-failures.ts decides when that moves).
import { useEffect } from 'react'
import { lastSeenPreference, newSincePreference, usePreference } from '@/lib/preferences.ts'
import { sinceOnShow } from './new-failures.ts'

// While the explorer is on screen, "last seen" is now: written this often, and when it leaves the screen.
const SEEN_TICK_MS = 60_000

function onScreen(): boolean {
  return globalThis.document?.visibilityState !== 'hidden'
}

export function useNewSince(): { since: number | null; markSeen: () => void } {
  const since = usePreference(newSincePreference)

  useEffect(() => {
    const seen = () => lastSeenPreference.set(Date.now())
    function show() {
      const now = Date.now()
      newSincePreference.set(
        sinceOnShow({ tabSince: newSincePreference.get(), lastSeen: lastSeenPreference.get(), now }),
      )
      lastSeenPreference.set(now)
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
      const now = Math.floor(Date.now() / 1000) * 1000
      newSincePreference.set(now)
      lastSeenPreference.set(now)
    },
  }
}
