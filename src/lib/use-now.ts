// One shared clock per interval, so a table of running sessions re-renders together instead of one timer per cell.
import { useSyncExternalStore } from 'react'

interface Clock {
  now: number
  listeners: Set<() => void>
  timer: ReturnType<typeof setInterval> | null
}

const clocks = new Map<number, Clock>()

function clockFor(intervalMs: number): Clock {
  let clock = clocks.get(intervalMs)
  if (!clock) {
    clock = { now: Date.now(), listeners: new Set(), timer: null }
    clocks.set(intervalMs, clock)
  }
  return clock
}

function subscribe(clock: Clock, intervalMs: number, listener: () => void): () => void {
  clock.listeners.add(listener)
  if (clock.timer === null) {
    clock.now = Date.now()
    clock.timer = setInterval(() => {
      clock.now = Date.now()
      for (const notify of clock.listeners) notify()
    }, intervalMs)
  }
  return () => {
    clock.listeners.delete(listener)
    if (clock.listeners.size === 0 && clock.timer !== null) {
      clearInterval(clock.timer)
      clock.timer = null
    }
  }
}

/** The current time in epoch ms, re-rendering every intervalMs while mounted. */
export function useNow(intervalMs = 1000): number {
  const clock = clockFor(intervalMs)
  return useSyncExternalStore(
    (listener) => subscribe(clock, intervalMs, listener),
    () => clock.now,
  )
}
