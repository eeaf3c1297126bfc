/**
 * Splits `total` whole runs over jobs in proportion to `weights`, none above its capacity (water-filling: what a
 * full job cannot take goes to the others). The counts sum to min(total, sum of capacities).
 */
export function splitCounts(
  total: number,
  capacities: readonly number[],
  weights: readonly number[],
): number[] {
  const fill = (level: number) =>
    capacities.map((capacity, i) => Math.min(capacity, level * Math.max(weights[i] ?? 0, 1e-9)))
  const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0)
  const reachable = Math.min(total, sum(capacities))
  let low = 0
  let high = 1
  while (sum(fill(high)) < reachable && high < 1e15) high *= 2
  for (let i = 0; i < 60; i++) {
    const middle = (low + high) / 2
    if (sum(fill(middle)) < reachable) low = middle
    else high = middle
  }
  const shares = fill(high)
  const counts = shares.map(Math.floor)
  // Largest remainders first, so rounding keeps the total exact.
  const order = shares
    .map((share, i) => ({ i, rest: share - Math.floor(share) }))
    .sort((a, b) => b.rest - a.rest)
  let missing = reachable - sum(counts)
  for (const { i } of order) {
    if (missing <= 0) break
    const count = counts[i] ?? 0
    if (count >= (capacities[i] ?? 0)) continue
    counts[i] = count + 1
    missing--
  }
  return counts
}
