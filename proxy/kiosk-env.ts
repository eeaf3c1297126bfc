import { estimateKeyBits } from './key-strength.ts'

/** Kiosk mode's settings: the EM service account and the access key wall URLs must carry. */
export type KioskSettings = { user: string; password: string; key: string }

// Anyone who can reach the proxy may guess the key, so it must be random, not chosen. A random hex key of 32 bytes
// scores about 230 bits by this estimate, 24 bytes about 165, 16 bytes (128 real bits) about 100: the bar.
export const MIN_KEY_BITS = 100
const MAKE_A_KEY = 'openssl rand -hex 32'

/** Reads EM_KIOSK_USER, EM_KIOSK_PASSWORD and EM_KIOSK_KEY: all three (kiosk on) or none (off); throws a readable message otherwise, never echoing the password or the key. */
export function readKioskEnv(env: Readonly<Record<string, string | undefined>>): KioskSettings | undefined {
  const user = env.EM_KIOSK_USER ?? ''
  const password = env.EM_KIOSK_PASSWORD ?? ''
  const key = (env.EM_KIOSK_KEY ?? '').trim()
  const set = { EM_KIOSK_USER: user !== '', EM_KIOSK_PASSWORD: password !== '', EM_KIOSK_KEY: key !== '' }
  const given = Object.entries(set).filter(([, present]) => present)
  if (given.length === 0) return undefined
  if (given.length < 3) {
    const missing = Object.entries(set)
      .filter(([, present]) => !present)
      .map(([name]) => name)
    throw new Error(
      `Kiosk mode needs EM_KIOSK_USER, EM_KIOSK_PASSWORD and EM_KIOSK_KEY together; ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} missing. Unset all three to turn kiosk mode off.`,
    )
  }
  if (/\s/.test(key)) {
    throw new Error(`EM_KIOSK_KEY must not contain spaces. Make a good key with: ${MAKE_A_KEY}`)
  }
  const bits = estimateKeyBits(key)
  if (bits < MIN_KEY_BITS) {
    throw new Error(
      `EM_KIOSK_KEY is too easy to guess (about ${Math.floor(bits)} bits of randomness; at least ${MIN_KEY_BITS} needed). Make a good key with:\n  ${MAKE_A_KEY}`,
    )
  }
  return { user, password, key }
}
