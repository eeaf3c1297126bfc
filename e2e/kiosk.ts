// The kiosk preview server that playwright.config.ts starts beside the normal one: same build, same emulator,
// kiosk mode on (proxy/kiosk.ts). The key is a test value made as the README says (`openssl rand -base64 32`), so
// it passes the proxy's strength check and carries + and / through the URL fragment; the account is the
// emulator's admin.
import { EMULATOR_URL, KIOSK_PORT } from './ports.ts'

export const KIOSK_URL = `http://127.0.0.1:${KIOSK_PORT}`
export const KIOSK_KEY = 'MdziLF5+9REf2gXWpTct7hLJr6YKSiR/SLygs3ER9Iw='
export const KIOSK_ENV = {
  EM_URL: EMULATOR_URL,
  EM_KIOSK_USER: 'admin',
  EM_KIOSK_PASSWORD: 'admin',
  EM_KIOSK_KEY: KIOSK_KEY,
}

/** A wall URL on the kiosk server: `query` as given, the key in the fragment, where no server sees it. */
export function kioskWall(query: string, key = KIOSK_KEY): string {
  return `${KIOSK_URL}/wall${query}#key=${encodeURIComponent(key)}`
}
