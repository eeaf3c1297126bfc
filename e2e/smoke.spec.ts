import { expect, resetEmulator, signInThroughUi, test } from './fixtures.ts'
import { EMULATOR_URL } from './ports.ts'

test.beforeEach(async () => {
  await resetEmulator()
})

test('the app loads through the proxy and a request reaches the emulator', async ({ page, request }) => {
  const before = (await (await fetch(`${EMULATOR_URL}/__emulator/stats`)).json()) as {
    requests: { total: number }
  }
  const root = await request.get('/api/')
  expect(root.status()).toBe(200)
  expect(await root.text()).toContain('EnterpriseManager')

  await page.goto('/')
  await expect(page).toHaveURL(/\/sign-in/)
  await expect(page.getByRole('heading', { name: 'Sign in to replica sessions' })).toBeVisible()
  // The app is served with EM_URL set (playwright.config.ts), as in front of a real EM: it names that EM and offers
  // no demo account, which only `npm start` on the embedded emulator shows.
  await expect(page.getByText(new URL(EMULATOR_URL).host)).toBeVisible()
  await expect(page.getByText(/Demo:/)).toHaveCount(0)
  await signInThroughUi(page)
  await expect(page).toHaveURL(/\/sessions/)

  const after = (await (await fetch(`${EMULATOR_URL}/__emulator/stats`)).json()) as {
    requests: { total: number }
  }
  expect(after.requests.total).toBeGreaterThan(before.requests.total)
  await page.screenshot({ path: 'test-results/screens/smoke.png' })
})
