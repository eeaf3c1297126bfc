// The emulator's clock, moved forward on request (`POST /__emulator/clock`), so a test can let hours of job runs
// happen in a moment: the store replays them on the next request, exactly as if that time had passed. Logon
// sessions are moved along with it: a clock jump is not idle time, so a signed-in browser stays signed in.
import type { EmContext } from '../handlers/context.ts'

interface ClockState {
  realNow: () => number
  offsetMs: number
}

const clocks = new WeakMap<EmContext, ClockState>()

function stateOf(context: EmContext): ClockState {
  let state = clocks.get(context)
  if (state === undefined) {
    state = { realNow: context.now, offsetMs: 0 }
    clocks.set(context, state)
    const clock = state
    context.now = () => clock.realNow() + clock.offsetMs
  }
  return state
}

/** How far ahead of the real clock the emulator runs, in ms. */
export function clockOffsetMs(context: EmContext): number {
  return clocks.get(context)?.offsetMs ?? 0
}

/** Moves the emulator's clock forward by `ms` (never back: EM's history only grows). */
export function advanceClock(context: EmContext, ms: number): void {
  const state = stateOf(context)
  state.offsetMs += ms
  context.logons.shift(ms)
}

/** Back to the real clock (`/__emulator/reset`). */
export function resetClock(context: EmContext): void {
  const state = clocks.get(context)
  if (state) state.offsetMs = 0
}
