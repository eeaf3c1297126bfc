// Fixed loopback ports for the e2e servers that playwright.config.ts starts and stops.
export const EMULATOR_PORT = 39399
export const APP_PORT = 34173
export const EMULATOR_URL = `http://127.0.0.1:${EMULATOR_PORT}`
export const APP_URL = `http://127.0.0.1:${APP_PORT}`
