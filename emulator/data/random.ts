// Seeded randomness for the generator: the same seed always yields the same data.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number
  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number
  chance(probability: number): boolean
  pick<T>(items: readonly T[]): T
  /** A lower-case version-4 GUID, as EM writes resource ids (em-api.md §1). */
  guid(): string
}

const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1')
// GUIDs are written into one scratch buffer and read out as a flat string: concatenating 16 pieces would leave
// a rope of ~20 heap objects per id, ~8x the memory (measured), which matters at 200k sessions.
const scratch = Buffer.alloc(36)
const DASHES = new Set([8, 13, 18, 23])

function writeGuid(words: readonly number[]): string {
  let position = 0
  for (const word of words) {
    for (let shift = 28; shift >= 0; shift -= 4) {
      if (DASHES.has(position)) scratch[position++] = 0x2d
      scratch[position++] = HEX_DIGITS[(word >>> shift) & 0xf] ?? 0x30
    }
  }
  return scratch.toString('latin1', 0, 36)
}

/** Mixes numbers into one 32-bit seed, so independent streams (per job, per purpose) stay uncorrelated. */
export function mixSeed(...parts: readonly number[]): number {
  let hash = 0x811c9dc5
  for (const part of parts) {
    hash = Math.imul(hash ^ (part | 0), 0x01000193)
    hash = Math.imul(hash ^ Math.floor(part / 0x1_0000_0000), 0x01000193)
    hash ^= hash >>> 15
  }
  return hash >>> 0
}

// splitmix32: spreads one 32-bit seed over the generator's 128-bit state.
function splitmix(seed: number): () => number {
  let state = seed | 0
  return () => {
    state = (state + 0x9e3779b9) | 0
    let z = Math.imul(state ^ (state >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }
}

/**
 * An sfc32 stream seeded through splitmix32. Not mulberry32: its streams are windows onto one 2^32 cycle, so the
 * per-job streams of a 200k data set would overlap (and repeat GUIDs) with real odds; 128 bits of state do not.
 */
export function createRandom(seed: number): Random {
  const seeder = splitmix(seed)
  let a = seeder()
  let b = seeder()
  let c = seeder()
  let d = seeder()
  const uint32 = (): number => {
    d = (d + 1) | 0
    const t = (((a + b) | 0) + d) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (((c << 21) | (c >>> 11)) + t) | 0
    return t >>> 0
  }
  for (let i = 0; i < 12; i++) uint32()
  const next = (): number => uint32() / 0x1_0000_0000
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(next() * items.length)]
      if (item === undefined) throw new Error('pick() needs a non-empty list')
      return item
    },
    guid() {
      // Version 4 in the third group, RFC 4122 variant in the fourth, like any GUID Windows mints.
      const a = uint32()
      const b = ((uint32() & 0xffff0fff) | 0x00004000) >>> 0
      const c = ((uint32() & 0x3fffffff) | 0x80000000) >>> 0
      return writeGuid([a, b, c, uint32()])
    },
  }
}
