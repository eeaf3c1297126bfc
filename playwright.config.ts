import { defineConfig, devices } from '@playwright/test'
import { EMULATOR_USERS } from './e2e/accounts.ts'
import { CHROMIUM_ARGS, chromiumPath } from './e2e/browser.ts'
import { KIOSK_ENV, KIOSK_URL } from './e2e/kiosk.ts'
import { APP_PORT, APP_URL, EMULATOR_PORT, EMULATOR_URL, KIOSK_PORT } from './e2e/ports.ts'

// Every request crosses the real proxy: the built app is served by `vite preview` with EM_URL pointing at an
// emulator that runs with its control surface on (STYLE §3.10). Both servers are started and stopped here.
export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: APP_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
  },
  projects: [
    { name: 'xml', use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 } } },
    // The JSON project repeats one journey per screen that reads and shows EM's data (the explorer's rows against
    // EM's answer, the detail's cards and EM's hostile text, the wall's tiles, the protection view). Everything else
    // is tagged @xml-only and runs once: both formats are covered by the parsers' unit tests and the integration
    // tests against the emulator, and CI has 20 minutes for everything.
    {
      name: 'json',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 } },
      grepInvert: /@xml-only/,
    },
  ],
  webServer: [
    {
      command: `node node_modules/tsx/dist/cli.mjs emulator/main.ts --port ${EMULATOR_PORT} --host 127.0.0.1 --control --users ${EMULATOR_USERS}`,
      url: `${EMULATOR_URL}/api/`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
    },
    {
      command: `npx vite build --logLevel warn && npx vite preview --port ${APP_PORT} --strictPort`,
      url: `${APP_URL}/dashboard-config.json`,
      reuseExistingServer: false,
      timeout: 180_000,
      env: { EM_URL: EMULATOR_URL },
    },
    // The same build again with kiosk mode on, for the wall journeys (e2e/wall.spec.ts); web servers start in
    // order, so the build above is done by now.
    {
      command: `npx vite preview --port ${KIOSK_PORT} --strictPort`,
      url: `${KIOSK_URL}/dashboard-config.json`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: KIOSK_ENV,
    },
  ],
})
