// The explorer and the detail view on the screens admins have: rows above the fold counted, no sideways scroll
// of the page, thumb-sized targets on a phone, an axe scan and a screenshot of each layout in both themes.
import type { Page } from '@playwright/test'
import { expectNoSeriousA11yProblems, OPEN_DIALOGS } from './axe.ts'
import { expect, resetEmulator, signInThroughUi, test } from './fixtures.ts'

test.beforeEach(async () => {
  await resetEmulator()
})

// An axe scan of a full page takes 10–15 s on a busy 2-core machine, and these tests make several.
test.describe.configure({ timeout: 180_000 })

/**
 * [width, height, rows that must be fully visible above the fold with no filter set, axe scan]. The desk sizes render
 * the same elements, only wider, so one of them is scanned; the phone's cards are a layout of their own.
 */
const SCREENS = [
  [390, 844, 2, true],
  [1280, 720, 12, false],
  [1440, 900, 16, true],
  [1920, 1080, 16, false],
] as const

/** Session rows (desk) or cards (phone) that are entirely inside the viewport without scrolling. */
async function rowsAboveFold(page: Page): Promise<number> {
  return page.evaluate(() => {
    const rows = [...document.querySelectorAll('tr.grid-table__row--data, li.session-card')]
    return rows.filter((row) => {
      const box = row.getBoundingClientRect()
      return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0
    }).length
  })
}

async function noPageSideScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }))
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth)
}

async function noTableSideScroll(page: Page): Promise<void> {
  const hidden = await page
    .locator('.grid-table-scroller')
    .evaluate((scroller) => scroller.scrollWidth - scroller.clientWidth)
  expect(hidden).toBeLessThanOrEqual(0)
}

/** Every visible control a thumb may need is at least 44 × 44 px (a card counts as its link's target). */
async function expectThumbTargets(page: Page): Promise<void> {
  const small = await page.evaluate(() => {
    const controls = [...document.querySelectorAll('button, select, input, a, label.choice')]
    return controls.flatMap((element) => {
      if (element instanceof HTMLInputElement && element.type === 'checkbox') return []
      // The card's link covers the whole card (a stretched ::after): the card is the target.
      const target = element.closest('.session-card') ?? element
      const box = target.getBoundingClientRect()
      const style = getComputedStyle(element)
      if (box.width === 0 || style.visibility === 'hidden' || element.closest('.sr-only, [hidden]')) return []
      return box.height < 44 || box.width < 44
        ? [
            `${element.tagName.toLowerCase()} "${element.textContent?.trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
          ]
        : []
    })
  })
  expect(small).toEqual([])
}

for (const [width, height, minimum, scan] of SCREENS) {
  test(`explorer at ${width}×${height}: at least ${minimum} rows above the fold, both themes @xml-only`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height })
    await page.goto('/sessions')
    await signInThroughUi(page)
    await expect(page.getByRole('heading', { name: 'Replica sessions', level: 1 })).toBeVisible()
    const rows = width < 640 ? page.locator('li.session-card') : page.locator('tr.grid-table__row--data')
    await expect(rows.first()).toBeVisible()
    for (const scheme of ['light', 'dark'] as const) {
      // The theme follows the system's by default: the emulated system switches it.
      await page.emulateMedia({ colorScheme: scheme })
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme)
      expect(await rowsAboveFold(page)).toBeGreaterThanOrEqual(minimum)
      await noPageSideScroll(page)
      // Every default column, the row's actions included, is in view on a desk screen.
      if (width >= 640) await noTableSideScroll(page)
      if (scan) await expectNoSeriousA11yProblems(page)
      if (width < 640) await expectThumbTargets(page)
      await page.screenshot({ path: `test-results/screens/explorer-${width}x${height}-${scheme}.png` })
    }
  })
}

test('compact rows fit more sessions above the fold, and the choice survives a reload @xml-only', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.goto('/sessions')
  await signInThroughUi(page)
  await expect(page.locator('tr.grid-table__row--data').first()).toBeVisible()
  const comfortable = await rowsAboveFold(page)
  await page.getByRole('button', { name: 'Compact rows' }).click()
  await expect(page.getByRole('button', { name: 'Compact rows' })).toHaveAttribute('aria-pressed', 'true')
  await expect.poll(() => rowsAboveFold(page)).toBeGreaterThanOrEqual(comfortable + 3)
  await page.reload()
  await expect(page.locator('tr.grid-table__row--data').first()).toBeVisible()
  await expect(page.getByRole('button', { name: 'Compact rows' })).toHaveAttribute('aria-pressed', 'true')
  // The rows mount a few per task after a reload (sessions-grid.tsx), from the browser's store first.
  await expect.poll(() => rowsAboveFold(page)).toBeGreaterThanOrEqual(comfortable + 3)
  await page.screenshot({ path: 'test-results/screens/explorer-1280x720-compact.png' })
})

test('a click anywhere in a header cell sorts, not only on its words @xml-only', async ({ page }) => {
  await page.goto('/sessions')
  await signInThroughUi(page)
  const job = page
    .getByRole('table', { name: /Replica job sessions/ })
    .getByRole('columnheader', { name: /Job/ })
  await expect(job).toBeVisible()
  const box = await job.boundingBox()
  if (!box) throw new Error('no header box')
  // Near the cell's right edge, well past the word "Job" and its arrow.
  await page.mouse.click(box.x + box.width - 6, box.y + box.height / 2)
  await expect(page).toHaveURL(/sort=JobName\.asc/)
  await expect(job).toHaveAttribute('aria-sort', 'ascending')
})

test('on a phone: the folded filter bar, cards with state and result, one thumb to a failed session @xml-only', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('/sessions')
  await signInThroughUi(page)
  const cards = page.getByRole('list', { name: /Replica job sessions/ }).getByRole('listitem')
  await expect(cards.first()).toBeVisible()
  await expect(cards.first()).toContainText(/State: /)
  await expect(cards.first()).toContainText(/Result: /)

  // The header fits: settings live in its menu.
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeHidden()
  await page.getByRole('button', { name: 'Menu' }).click()
  await expect(
    page.getByRole('dialog', { name: 'Menu' }).getByRole('button', { name: 'Sign out' }),
  ).toBeVisible()
  await expectThumbTargets(page)
  await page.keyboard.press('Escape')

  const filters = page.getByRole('button', { name: /^Filters/ })
  await expect(page.getByRole('button', { name: 'Add filter' })).toBeHidden()
  await filters.click()
  const editor = await (async () => {
    await page.getByRole('button', { name: 'Add filter' }).click()
    await page
      .getByRole('dialog', { name: 'Add filter' })
      .getByRole('button', { name: 'Result', exact: true })
      .click()
    return page.getByRole('dialog', { name: 'Filter: Result' })
  })()
  await editor.getByText('Failed').click()
  await editor.getByRole('button', { name: 'Done' }).click()
  await expect(page).toHaveURL(/result=.*Failed/)
  await filters.click()
  await expect(filters).toHaveAccessibleName('Filters 1 set')
  await expect(cards.first()).toContainText('Result: Failed')
  await noPageSideScroll(page)
  await page.screenshot({ path: 'test-results/screens/explorer-phone-failed.png' })

  await cards.first().click()
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/)
  const vms = page.getByRole('list', { name: /VMs of this session/ }).getByRole('listitem')
  await expect(vms.first()).toBeVisible()
  await expect(vms.first()).toContainText('Result: Failed')
  await expect(page.getByRole('table', { name: /VMs of this session/ })).toHaveCount(0)
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme)
    await noPageSideScroll(page)
    await expectNoSeriousA11yProblems(page)
    await expectThumbTargets(page)
    await page.screenshot({ path: `test-results/screens/detail-390x844-${scheme}.png` })
  }
})

test('the filter editor, the column chooser and the shortcuts pass an axe scan @xml-only', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto('/sessions?result=Failed&created=7d')
  await signInThroughUi(page)
  await expect(page.locator('tr.grid-table__row--data').first()).toBeVisible()
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await page.getByRole('button', { name: 'Result: Failed', exact: true }).click()
    await expect(page.getByRole('dialog', { name: 'Filter: Result' })).toBeVisible()
    await expectNoSeriousA11yProblems(page, OPEN_DIALOGS)
    await page.screenshot({ path: `test-results/screens/explorer-filter-editor-${scheme}.png` })
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Columns' }).click()
    await expect(page.getByRole('dialog', { name: 'Columns' })).toBeVisible()
    await expectNoSeriousA11yProblems(page, OPEN_DIALOGS)
    await page.screenshot({ path: `test-results/screens/explorer-columns-${scheme}.png` })
    await page.keyboard.press('Escape')
    await page.keyboard.press('?')
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
    await expectNoSeriousA11yProblems(page, OPEN_DIALOGS)
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'All filters' }).click()
    await expect(page.getByRole('region', { name: 'All filters' })).toBeVisible()
    // The filter bar and the panel it opens; the rows below are scanned with the explorer's page.
    await expectNoSeriousA11yProblems(page, '.filter-bar, .filters')
    await page.screenshot({ path: `test-results/screens/explorer-all-filters-${scheme}.png` })
    await page.getByRole('button', { name: 'All filters' }).click()
  }
})
