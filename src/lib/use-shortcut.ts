import { useEffect, useRef } from 'react'
import { isShortcutEvent } from './keyboard.ts'

/** Calls `handler` when `key` is pressed anywhere on the page, except while typing (lib/keyboard.ts). */
export function useShortcut(key: string, handler: () => void): void {
  // The latest handler, without re-subscribing on every render.
  const latest = useRef(handler)
  latest.current = handler
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key !== key || !isShortcutEvent(event)) return
      event.preventDefault()
      latest.current()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [key])
}
