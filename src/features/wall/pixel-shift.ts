// Burn-in protection: the whole wall moves by a few pixels every few minutes, in a loop that returns to the
// start. Derived from the clock, so there is no timer and no state.
const STEP_MS = 3 * 60_000
const OFFSETS: ReadonlyArray<readonly [number, number]> = [
  [0, 0],
  [2, 1],
  [3, 3],
  [1, 4],
  [-1, 3],
  [-2, 1],
  [-1, -1],
  [1, -2],
]

/** The wall's offset in CSS pixels at `now`. */
export function pixelShift(now: number): { x: number; y: number } {
  const [x, y] = OFFSETS[Math.floor(now / STEP_MS) % OFFSETS.length] ?? [0, 0]
  return { x, y }
}
