import { test as base, expect, type Page } from '@playwright/test'
import { EMULATOR_URL } from './ports.ts'

export type WireFormat = 'xml' | 'json'

/** Resets the emulator's faults, sessions and data so each test starts from the same EM. */
export async function resetEmulator(): Promise<void> {
  const response = await fetch(`${EMULATOR_URL}/__emulator/reset`, { method: 'POST' })
  expect(response.ok).toBe(true)
}

/** Calls the emulator's control surface (faults, expire-sessions, config). */
export async function controlEmulator(path: string, body: unknown = {}): Promise<unknown> {
  const response = await fetch(`${EMULATOR_URL}/__emulator/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  expect(response.ok).toBe(true)
  return response.json().catch(() => null)
}

/**
 * Waits until the screen's own requests are over (nothing in flight, no new request for a second), so the
 * next request EM sees is the one the test makes: a secondary query still on its way would otherwise meet an
 * expired session first and open the sign-in dialog before the click.
 */
export async function untilEmulatorQuiet(): Promise<void> {
  let last = -1
  await expect
    .poll(
      async () => {
        const stats = await (await fetch(`${EMULATOR_URL}/__emulator/stats`)).json()
        const { inFlight, requests } = stats as { inFlight: number; requests: { total: number } }
        const quiet = inFlight === 0 && requests.total === last
        last = requests.total
        return quiet
      },
      { intervals: [1_000], timeout: 30_000 },
    )
    .toBe(true)
}

/** Signs in through the real sign-in screen, as a user does. */
export async function signInThroughUi(page: Page, user = 'admin', password = 'admin'): Promise<void> {
  await page.getByLabel('User name').fill(user)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

export const test = base.extend<{ format: WireFormat }>({
  // The JSON project runs every journey again with EM answering JSON (the browser's wire-format preference).
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  format: async ({}, use, testInfo) => {
    await use(testInfo.project.name === 'json' ? 'json' : 'xml')
  },
  page: async ({ page, format }, use) => {
    await page.addInitScript((f) => {
      if (!localStorage.getItem('em.format')) localStorage.setItem('em.format', f)
    }, format)
    await use(page)
  },
})

export { expect }
