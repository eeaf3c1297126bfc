// Sessions explorer journeys against the emulator, through the real proxy. What the table shows is checked
// against EM's own answer to the request the page says it sent (the "EM query" line).
import { readFileSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
import { expect, resetEmulator, signInThroughUi, test } from './fixtures.ts'

test.beforeEach(async () => {
  await resetEmulator()
})

const DAY = 86_400_000

function sessionsTable(page: Page): Locator {
  return page.getByRole('table', { name: /Replica job sessions/ })
}

/** Data rows: those with a session link (the header row has none). */
function dataRows(page: Page): Locator {
  return sessionsTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('link') })
}

async function openExplorer(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await signInThroughUi(page)
  await expect(page.getByRole('heading', { name: 'Replica sessions', level: 1 })).toBeVisible()
  await expect(dataRows(page).first()).toBeVisible()
}

/** The sessions of the rows on screen, by the id their link leads to (the link's text is the job's name). */
async function shownNames(page: Page): Promise<string[]> {
  const hrefs = await dataRows(page)
    .getByRole('link')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))
  return hrefs.map((href) => href.replace('/sessions/', ''))
}

/** Opens one filter's editor from the bar: "Add filter", then the field. */
async function addFilter(page: Page, field: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Add filter' }).click()
  await page
    .getByRole('dialog', { name: 'Add filter' })
    .getByRole('button', { name: field, exact: true })
    .click()
  return page.getByRole('dialog', { name: `Filter: ${field}` })
}

async function startedTimes(page: Page): Promise<number[]> {
  // Columns move with the browser's choice: find Started by its header.
  const headers = await sessionsTable(page).getByRole('columnheader').allTextContents()
  const column = headers.findIndex((text) => text.startsWith('Started'))
  expect(column).toBeGreaterThanOrEqual(0)
  const texts = await dataRows(page).evaluateAll(
    (rows, index) =>
      rows.map((row) => row.querySelectorAll('td')[index]?.querySelector('time')?.dateTime ?? ''),
    column,
  )
  expect(texts.length).toBeGreaterThan(0)
  expect(texts.every((text) => text !== '')).toBe(true)
  return texts.map((text) => Date.parse(text))
}

/** The request the page says it sent, asked again of EM (through the proxy) with the page's own token. */
async function emAnswer(page: Page): Promise<{ path: string; names: string[]; results: string[] }> {
  // names: the sessions' ids, as the rows' links carry them.
  const line = await page
    .getByRole('region', { name: 'EM query' })
    .getByRole('code')
    .filter({ hasText: /^GET / })
    .textContent()
  const path = (line ?? '').replace(/^GET /, '')
  const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('em.session') ?? '{}').token)
  const response = await page.request.get(path, {
    headers: { 'X-RestSvcSessionId': String(token), Accept: 'application/json' },
  })
  expect(response.status()).toBe(200)
  const body = await response.json()
  const sessions: { UID: string; Result: string }[] =
    body.Entities.ReplicaJobSessions.ReplicaJobSessions ?? []
  return {
    path,
    names: sessions.map((s) => s.UID.replace('urn:veeam:ReplicaJobSession:', '')),
    results: sessions.map((s) => s.Result),
  }
}

async function expectRowsFromEm(page: Page): Promise<void> {
  await expect(sessionsTable(page)).toHaveAttribute('aria-busy', 'false')
  const answer = await emAnswer(page)
  const names = await shownNames(page)
  expect(names.length).toBeGreaterThan(0)
  expect(names).toEqual(answer.names.slice(0, names.length))
}

test('filter Result = Failed and the last 7 days: every row is Failed, inside the window, and EM’s answer', async ({
  page,
}) => {
  await openExplorer(page, '/sessions')
  await (await addFilter(page, 'Result')).getByRole('checkbox', { name: 'Failed' }).check()
  await page.keyboard.press('Escape')
  await (await addFilter(page, 'Started')).getByLabel('Started: period').selectOption('7d')
  await page.keyboard.press('Escape')
  const chips = page.getByRole('list', { name: 'Active filters' })
  await expect(chips.getByRole('listitem')).toHaveText(['Result: Failed×', 'Started: last 7 days×'])
  await expect(page).toHaveURL(/result=.*Failed/)
  await expect(page).toHaveURL(/created=7d/)
  await expect(page.getByRole('region', { name: 'EM query' })).toContainText('Result%3D%3DFailed')

  await expectRowsFromEm(page)
  const answer = await emAnswer(page)
  expect(new Set(answer.results)).toEqual(new Set(['Failed']))
  const rows = dataRows(page)
  for (const row of await rows.all()) await expect(row).toContainText('Result: Failed')
  const from = Date.parse(decodeURIComponent(answer.path).match(/CreationTime>="([^"]+)"/)?.[1] ?? '')
  expect(Math.abs(from - (Date.now() - 7 * DAY))).toBeLessThan(3 * 60_000)
  for (const started of await startedTimes(page)) expect(started).toBeGreaterThanOrEqual(from)

  const summary = page.getByRole('region', { name: 'Summary of the filtered sessions' })
  await expect(summary.getByRole('definition').nth(4)).toHaveText(
    (await summary.getByRole('definition').first().textContent()) ?? '',
  )
  await page.screenshot({ path: 'test-results/screens/explorer-failed-7d.png' })
})

test('sort by start time both ways, page forward and back, Back/Forward and reload restore the view @xml-only', async ({
  page,
}) => {
  await openExplorer(page, '/sessions?size=50')
  const started = sessionsTable(page).getByRole('columnheader', { name: /Started/ })
  await expect(started).toHaveAttribute('aria-sort', 'descending')
  const newest = await startedTimes(page)
  expect(newest).toEqual([...newest].sort((a, b) => b - a))
  await expectRowsFromEm(page)

  await started.getByRole('button').click()
  await expect(page).toHaveURL(/sort=CreationTime\.asc/)
  await expect(started).toHaveAttribute('aria-sort', 'ascending')
  await expectRowsFromEm(page)
  const oldest = await startedTimes(page)
  expect(oldest).toEqual([...oldest].sort((a, b) => a - b))
  expect(oldest[0]).toBeLessThan(newest.at(-1) ?? 0)

  const firstPage = await shownNames(page)
  await page.getByRole('button', { name: /Next/ }).click()
  await expect(page).toHaveURL(/page=2/)
  await expect(page.getByRole('navigation', { name: 'Pages' })).toContainText('Page 2 of')
  await expectRowsFromEm(page)
  const secondPage = await shownNames(page)
  expect(secondPage[0]).not.toBe(firstPage[0])

  await page.getByRole('button', { name: /Previous/ }).click()
  await expect(page).not.toHaveURL(/page=/)
  await expect.poll(() => shownNames(page)).toEqual(firstPage)

  await page.goBack()
  await expect(page).toHaveURL(/page=2/)
  await expect.poll(() => shownNames(page)).toEqual(secondPage)
  await page.goBack()
  await expect(page).not.toHaveURL(/page=/)
  await expect(page).toHaveURL(/sort=CreationTime\.asc/)
  await page.goBack()
  await expect(page).not.toHaveURL(/sort=/)
  await expect(started).toHaveAttribute('aria-sort', 'descending')
  await page.goForward()
  await page.goForward()
  await expect(page).toHaveURL(/page=2/)
  await expect.poll(() => shownNames(page)).toEqual(secondPage)

  const url = page.url()
  await page.reload()
  await expect(page).toHaveURL(url)
  await expect(started).toHaveAttribute('aria-sort', 'ascending')
  await expect(page.getByLabel('Rows per page')).toHaveValue('50')
  await expect.poll(() => shownNames(page)).toEqual(secondPage)
})

test('the shareable URL in the README opens exactly that view @xml-only', async ({ page }) => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
  const url = /^\/sessions\?\S+$/m.exec(readme)?.[0] ?? ''
  expect(url).toContain('created=7d')
  await page.goto(url)
  await signInThroughUi(page)
  await expect(page.getByRole('list', { name: 'Active filters' }).getByRole('listitem')).toHaveText([
    'Result: Failed or Warning×',
    'Job: Exchange DR×',
    'Backup server: vbr-hq01.corp.local×',
    'Started: last 7 days×',
  ])
  // The full panel shows the same filters in their controls.
  await page.getByRole('button', { name: 'All filters' }).click()
  await expect(page.getByLabel('Job name', { exact: true })).toHaveValue('Exchange DR')
  await expect(page.getByLabel('Backup server', { exact: true })).toHaveValue('vbr-hq01.corp.local')
  await expect(page.getByLabel('Started: period')).toHaveValue('7d')
  await expect(page.getByText('settings were ignored')).toHaveCount(0)
  await expect(page).toHaveURL(/size=250/)
  await expectRowsFromEm(page)
  await page.screenshot({ path: 'test-results/screens/explorer-readme-url.png' })
})

test('a malformed URL shows the notice and a working page @xml-only', async ({ page }) => {
  await openExplorer(page, '/sessions?page=abc&size=7&result=Bogus&sort=Progress.asc&retry=only')
  const notice = page.getByRole('status').filter({ hasText: 'settings were ignored' })
  await expect(notice).toBeVisible()
  for (const text of ['page=abc', 'size=7', 'result=Bogus', 'sort=Progress.asc'])
    await expect(notice).toContainText(text)
  await expect(notice).not.toContainText('retry=')
  await expect(page).toHaveURL(/retry=only/)
  await expect(page).not.toHaveURL(/page=abc|size=7|Bogus|Progress/)
  await expect(page.getByRole('button', { name: 'Retries: retries only', exact: true })).toBeVisible()
  await expectRowsFromEm(page)
  for (const row of await dataRows(page).all()) await expect(row).toContainText('Retry')
})

test('a 1,000-row page renders and scrolls with few rows in the DOM; Back from a session restores the place @xml-only', async ({
  page,
}) => {
  await openExplorer(page, '/sessions?size=1000')
  await expect(page.getByText('1000 sessions on this page')).toBeVisible()
  await expect(sessionsTable(page)).toHaveAttribute('aria-rowcount', '1001')
  expect(await sessionsTable(page).getByRole('row').count()).toBeLessThan(100)

  const scroller = page.locator('[data-scroll-restoration-id="sessions-table"]')
  await scroller.hover()
  await page.mouse.wheel(0, 60_000)
  const last = sessionsTable(page).locator('tr[aria-rowindex="1001"]')
  await expect(last).toBeVisible()
  expect(await sessionsTable(page).getByRole('row').count()).toBeLessThan(100)
  const answer = await emAnswer(page)
  await expect(last.getByRole('link')).toHaveAttribute('href', `/sessions/${answer.names[999] ?? 'missing'}`)

  // Somewhere in the middle, set directly (a wheel scroll may still be gliding when the row is clicked).
  const rowHeight = (await last.boundingBox())?.height ?? 0
  expect(rowHeight).toBeGreaterThan(20)
  await scroller.evaluate((element) => {
    element.scrollTop = 16_000
  })
  // A virtual row has no stable text to find it by before it is shown: its aria-rowindex is its place.
  const row = sessionsTable(page).locator(`tr[aria-rowindex="${Math.ceil(16_000 / rowHeight) + 5}"]`)
  await expect(row).toBeVisible()
  const scrolledTo = await scroller.evaluate((element) => element.scrollTop)
  const href = (await row.getByRole('link').getAttribute('href')) ?? ''
  await row.getByRole('link').click()
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}/)
  await page.goBack()
  await expect(page).toHaveURL(/size=1000/)
  await expect(sessionsTable(page).locator(`a[href="${href}"]`)).toBeVisible()
  await expect.poll(() => scroller.evaluate((element) => element.scrollTop)).toBe(scrolledTo)
})

test('no serious or critical accessibility violations; screenshots in light and dark themes @xml-only', async ({
  page,
}) => {
  // Two axe scans of a full page take 10–15 s each on a busy 2-core machine, before the 4K screenshot.
  test.slow()
  await openExplorer(page, '/sessions')
  for (const theme of ['light', 'dark'] as const) {
    await page.getByLabel('Theme').selectOption(theme)
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
    const results = await new AxeBuilder({ page }).analyze()
    const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
    await page.screenshot({ path: `test-results/screens/explorer-${theme}.png` })
  }
  // The smallest and the largest screens the dashboard is made for.
  for (const [width, height] of [
    [1280, 720],
    [3840, 2160],
  ] as const) {
    await page.setViewportSize({ width, height })
    await expect(dataRows(page).first()).toBeVisible()
    await page.screenshot({ path: `test-results/screens/explorer-${width}x${height}.png` })
  }
})
