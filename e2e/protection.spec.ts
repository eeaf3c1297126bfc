// Protection journeys against the emulator, through the real proxy: find the VMs out of RPO, open one's history,
// follow a run to its job session and back; the wall's VM tile at 1080p; a Portal User's view; accessibility and
// screenshots in both themes.
import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
import { PORTAL_USER } from './accounts.ts'
import { expect, resetEmulator, signInThroughUi, test } from './fixtures.ts'

test.beforeEach(async () => {
  await resetEmulator()
})

function vmTable(page: Page): Locator {
  return page.getByRole('table', { name: /Replicated VMs/ })
}

/** Data rows: those with a VM link (the header row has none). */
function dataRows(page: Page): Locator {
  return vmTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('link') })
}

// The Portal User of the e2e emulator (playwright.config.ts --users): `/jobs` answers it 403 (em-api.md §10).

async function openProtection(
  page: Page,
  url: string,
  account = { user: 'admin', password: 'admin' },
): Promise<void> {
  await page.goto(url)
  await signInThroughUi(page, account.user, account.password)
  await expect(page.getByRole('heading', { name: 'Protection', level: 1 })).toBeVisible()
  // Rows first, then every answer in (the older points are looked up after the first rows show).
  await expect(dataRows(page).first()).toBeVisible({ timeout: 30_000 })
  await expect(page.locator('.prot')).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 })
}

test('find the VMs out of RPO, open one, follow a run to its job session and back', async ({ page }) => {
  await openProtection(page, '/protection')
  const summary = page.getByRole('region', { name: 'Summary of the VMs in view' })
  const outCount = Number(
    await summary
      .getByRole('button', { name: /Out of RPO/ })
      .locator('.prot-summary__value')
      .textContent(),
  )
  expect(outCount).toBeGreaterThan(0)

  await page.getByRole('group', { name: 'Status' }).getByLabel('Out of RPO').check()
  await expect(page).toHaveURL(/status=/)
  await expect(page.getByText(`${outCount} of `)).toBeVisible()
  const statuses = await dataRows(page)
    .locator('td:first-child [data-status]')
    .evaluateAll((badges) => badges.map((badge) => badge.getAttribute('data-status')))
  expect(new Set(statuses)).toEqual(new Set(['outOfRpo']))

  // The worst first: the VM failing for days, with its streak in runs.
  const first = dataRows(page).first()
  const vm = (await first.getByRole('link').textContent()) ?? ''
  await first.getByRole('link').click()
  await expect(page).toHaveURL(/\/protection\/vm\?/)
  await expect(page.getByRole('heading', { level: 1 })).toContainText(vm)
  await expect(page.getByRole('figure').getByText(/Age of the newest replica point/)).toBeVisible()
  const runs = page.getByRole('table', { name: /Task sessions of this VM/ })
  await expect(runs.getByRole('row').nth(1)).toBeVisible({ timeout: 20_000 })
  await page.screenshot({ path: 'test-results/screens/protection-history.png', fullPage: true })

  await runs
    .getByRole('link', { name: /Open the job session/ })
    .first()
    .click()
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}/)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await page.goBack()
  await expect(page).toHaveURL(/\/protection\/vm\?/)
  await expect(page.getByRole('heading', { level: 1 })).toContainText(vm)
  await page.goBack()
  await expect(page).toHaveURL(/\/protection\?.*status=/)
  await expect(page.getByRole('group', { name: 'Status' }).getByLabel('Out of RPO')).toBeChecked()
  await expect(dataRows(page).first().getByRole('link')).toHaveText(vm)
})

test('a Portal User: the view works from points and task sessions and says what needs a Portal Administrator @xml-only', async ({
  page,
}) => {
  await openProtection(page, '/protection', PORTAL_USER)
  const notice = page.getByRole('region', { name: 'What this view cannot see' })
  await expect(notice).toContainText(
    'Job schedules are unavailable: this account may not read /jobs (a Portal User',
  )
  await expect(notice).toContainText('Job includes are unavailable')
  await expect(dataRows(page).first()).toBeVisible()
  await page.screenshot({ path: 'test-results/screens/protection-portal-user.png' })
})

test('the wall shows the VMs out of RPO across a room at 1920×1080 @xml-only', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 })
  await page.goto('/wall?rpo=24')
  await signInThroughUi(page)
  const tile = page.getByRole('region', { name: 'VMs out of RPO (24 h)' })
  await expect(tile.locator('.wall-tile__figure')).toHaveText(/^\d+$/, { timeout: 40_000 })
  expect(Number(await tile.locator('.wall-tile__figure').textContent())).toBeGreaterThan(0)
  await expect(tile.locator('.wall-tile__name').first()).toBeVisible()
  await page.screenshot({ path: 'test-results/screens/wall-vms-out-of-rpo-1080p.png' })
})

test('no serious or critical accessibility violations; screenshots in light and dark themes @xml-only', async ({
  page,
}) => {
  // Two full axe scans of a screen with 150 job options and a virtual table: each took 14–20 s while other work
  // loaded the two cores (trace of a 60 s timeout), so this journey gets the slow-test allowance.
  test.slow()
  await openProtection(page, '/protection')
  for (const theme of ['light', 'dark'] as const) {
    await page.getByLabel('Theme').selectOption(theme)
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
    const results = await new AxeBuilder({ page }).analyze()
    const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
    await page.screenshot({ path: `test-results/screens/protection-${theme}.png` })
  }
  for (const [width, height] of [
    [390, 844],
    [1280, 720],
  ] as const) {
    await page.setViewportSize({ width, height })
    await expect(dataRows(page).first()).toBeVisible()
    await page.screenshot({ path: `test-results/screens/protection-${width}x${height}.png` })
  }
})
