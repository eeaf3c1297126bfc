// The age of a VM's newest replica point over time: it grows by the hour and drops to zero at each new point. The
// chart draws it against the RPO line, so every stretch above the line is a time the VM was out of its RPO.

export interface AgeStep {
  /** Epoch ms. */
  time: number
  /** Hours since the newest point at that time; null before the first point known. */
  hours: number | null
}

const HOUR = 3_600_000

/** Corners of the saw-tooth from `from` to `now` for point times in any order (points outside the span shape it too). */
export function pointAges(points: readonly number[], from: number, now: number): AgeStep[] {
  const sorted = [...new Set(points)].filter((time) => time <= now).sort((a, b) => a - b)
  const before = sorted.filter((time) => time <= from).at(-1) ?? null
  const inside = sorted.filter((time) => time > from)
  const steps: AgeStep[] = [{ time: from, hours: before === null ? null : (from - before) / HOUR }]
  let last = before
  for (const time of inside) {
    if (last !== null) steps.push({ time, hours: (time - last) / HOUR })
    steps.push({ time, hours: 0 })
    last = time
  }
  steps.push({ time: now, hours: last === null ? null : (now - last) / HOUR })
  return steps
}

/** Hours out of RPO within the span: where the age line is above the RPO. */
export function hoursOutOfRpo(steps: readonly AgeStep[], rpoHours: number): number {
  let total = 0
  for (let i = 1; i < steps.length; i++) {
    const a = steps[i - 1]
    const b = steps[i]
    if (!a || !b || a.hours === null || b.hours === null || b.hours < a.hours) continue
    const span = (b.time - a.time) / HOUR
    // The age rises one hour per hour between corners: the part above the line is what exceeds it.
    total += Math.max(0, Math.min(span, b.hours - rpoHours))
  }
  return total
}
