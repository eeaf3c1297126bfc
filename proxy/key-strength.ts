// How guessable a kiosk key is, estimated from the key itself: its length times the Shannon entropy per character
// of both its characters and the steps between neighbours (the lower of the two), scaled by how few of its
// three-character pieces repeat. Each measure catches what the others miss: `abcdef…` uses many characters but
// always steps by one, `abab…` steps back and forth, `Summer2024!Summer2024!` repeats itself.

/** Estimated bits of entropy in `key`; a random key of n symbols from an alphabet of k scores about n·log2(k), a bit less. */
export function estimateKeyBits(key: string): number {
  const chars = [...key]
  if (chars.length < 2) return 0
  const codes = chars.map((char) => char.codePointAt(0) ?? 0)
  const steps = codes.slice(1).map((code, i) => code - (codes[i] ?? 0))
  const perChar = Math.min(shannon(codes), shannon(steps))
  return perChar * chars.length * distinctShare(chars)
}

function distinctShare(chars: readonly string[]): number {
  const pieces = chars.slice(2).map((char, i) => `${chars[i]}${chars[i + 1]}${char}`)
  return pieces.length === 0 ? 1 : new Set(pieces).size / pieces.length
}

function shannon(values: readonly number[]): number {
  const counts = new Map<number, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  let bits = 0
  for (const count of counts.values()) {
    const p = count / values.length
    bits -= p * Math.log2(p)
  }
  return bits
}
