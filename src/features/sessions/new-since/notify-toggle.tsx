import { useState } from 'react'
import { notifyFailuresPreference, usePreference } from '@/lib/preferences.ts'
import { notificationAccess, requestNotificationAccess } from './notification-access.ts'

const WHY_NOT: Record<string, string> = {
  unsupported: 'This browser cannot show notifications',
  insecure: 'Browser notifications need the dashboard on HTTPS',
  denied: 'Notifications are blocked for this site in the browser’s settings',
}

/** Opt in to a browser notification per new failed session while this tab is open; asks only when clicked. */
export function NotifyToggle() {
  const wanted = usePreference(notifyFailuresPreference) === 'on'
  // Re-read after asking: the browser's answer is not an event React hears about.
  const [access, setAccess] = useState(notificationAccess)
  const on = wanted && access === 'granted'
  const blocked = WHY_NOT[access]

  async function toggle() {
    if (on) {
      notifyFailuresPreference.set('off')
      return
    }
    const answer = await requestNotificationAccess()
    setAccess(answer)
    if (answer === 'granted') notifyFailuresPreference.set('on')
  }

  return (
    <button
      type="button"
      className="button button--small"
      aria-pressed={on}
      disabled={blocked !== undefined}
      title={blocked ?? 'A browser notification for each session that fails while this tab is open'}
      onClick={() => void toggle()}
    >
      {on ? 'Notifying of failures' : 'Notify me of failures'}
    </button>
  )
}
