// One shared clock per interval for the detail view's live figures (elapsed times, the deviation of a running
// session). subscribe and getSnapshot keep their identity across renders, so React subscribes once per component
// instead of on every render.
import { useSyncExternalStore } from 'react'

interface Clock {
  subscribe: (listener: () => void) => () => void
  getSnapshot: () => number
}

const clocks = new Map<number, Clock>()

function clockFor(intervalMs: number): Clock {
  const existing = clocks.get(intervalMs)
  if (existing) return existing
  let now = Date.now()
  let timer: ReturnType<typeof setInterval> | null = null
  const listeners = new Set<() => void>()
  const clock: Clock = {
    subscribe(listener) {
      listeners.add(listener)
      if (timer === null) {
        // An idle clock is stale: catch up once (one extra render, since subscribe itself never changes).
        now = Date.now()
        timer = setInterval(() => {
          now = Date.now()
          for (const notify of listeners) notify()
        }, intervalMs)
      }
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0 && timer !== null) {
          clearInterval(timer)
          timer = null
        }
      }
    },
    // Read between ticks it may be up to one interval old, like every reader of the same clock.
    getSnapshot: () => now,
  }
  clocks.set(intervalMs, clock)
  return clock
}

/** The current time in epoch ms, re-rendering every intervalMs while mounted. */
export function useClock(intervalMs: number): number {
  const clock = clockFor(intervalMs)
  return useSyncExternalStore(clock.subscribe, clock.getSnapshot)
}
