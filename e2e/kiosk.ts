// The kiosk preview server that playwright.config.ts starts beside the normal one: same build, same emulator,
// kiosk mode on (proxy/kiosk.ts). The key is a test value; the account is the emulator's admin.
import { EMULATOR_URL, KIOSK_PORT } from './ports.ts'

export const KIOSK_URL = `http://127.0.0.1:${KIOSK_PORT}`
export const KIOSK_KEY = 'e2e-wall-key-5c1f0a9d3b7e'
export const KIOSK_ENV = {
  EM_URL: EMULATOR_URL,
  EM_KIOSK_USER: 'admin',
  EM_KIOSK_PASSWORD: 'admin',
  EM_KIOSK_KEY: KIOSK_KEY,
}
