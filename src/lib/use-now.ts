// One shared clock per interval, so a table of running sessions re-renders together instead of one timer per cell.
import { useSyncExternalStore } from 'react'

interface Clock {
  now: number
  /** Stable for the clock's lifetime: a new subscribe function per render would resubscribe on every render. */
  subscribe: (listener: () => void) => () => void
  getSnapshot: () => number
}

const clocks = new Map<number, Clock>()

function createClock(intervalMs: number): Clock {
  const listeners = new Set<() => void>()
  let timer: ReturnType<typeof setInterval> | null = null
  const clock: Clock = {
    now: Date.now(),
    subscribe: (listener) => {
      listeners.add(listener)
      if (timer === null) {
        // An idle clock is stale: catch up once (one extra render, since subscribe itself never changes).
        clock.now = Date.now()
        timer = setInterval(() => {
          clock.now = Date.now()
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
    getSnapshot: () => clock.now,
  }
  return clock
}

/** The current time in epoch ms, re-rendering every intervalMs while mounted (at most intervalMs stale). */
export function useNow(intervalMs = 1000): number {
  let clock = clocks.get(intervalMs)
  if (!clock) {
    clock = createClock(intervalMs)
    clocks.set(intervalMs, clock)
  }
  return useSyncExternalStore(clock.subscribe, clock.getSnapshot)
}
