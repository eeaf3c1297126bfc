/** Kiosk mode's settings: the EM service account and the access key wall URLs must carry. */
export type KioskSettings = { user: string; password: string; key: string }

// A key short enough to guess would hand EM's data to anyone who can reach the proxy.
const MIN_KEY_LENGTH = 16

/** Reads EM_KIOSK_USER, EM_KIOSK_PASSWORD and EM_KIOSK_KEY: all three (kiosk on) or none (off); throws a readable message otherwise, never echoing the password. */
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
  if (key.length < MIN_KEY_LENGTH || /\s/.test(key)) {
    throw new Error(
      `EM_KIOSK_KEY must be at least ${MIN_KEY_LENGTH} characters without spaces, e.g. the output of \`openssl rand -hex 24\`.`,
    )
  }
  return { user, password, key }
}
