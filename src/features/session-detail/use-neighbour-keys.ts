import { useEffect } from 'react'
import { isShortcutEvent } from '@/lib/keyboard.ts'

/** `k` opens the previous session, `j` the next (the list convention of mail and code review tools). */
export function useNeighbourKeys(onPrevious: (() => void) | null, onNext: (() => void) | null): void {
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (!isShortcutEvent(event)) return
      const action = event.key === 'k' ? onPrevious : event.key === 'j' ? onNext : null
      if (!action) return
      event.preventDefault()
      action()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onPrevious, onNext])
}
