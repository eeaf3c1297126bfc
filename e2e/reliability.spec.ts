// Reliability and security journeys for the explorer and the detail view (the wall's outage, hang, expiry and
// kiosk journeys are in wall.spec.ts): EM down, failing, slow, expiring sessions, malformed bodies, and what the
// browser may never hold. Faults come from the emulator's control surface; counts from its own statistics.
// These run once (XML): the fault handling sits below the wire format, which the other journeys cover twice.
import type { Page, Request } from '@playwright/test'
import {
  controlEmulator,
  expect,
  resetEmulator,
  signInThroughUi,
  test,
  untilEmulatorQuiet,
} from './fixtures.ts'
import { EMULATOR_URL } from './ports.ts'

const VIEW = '/sessions?result=%5B%22Failed%22%5D&sort=Name.asc&size=25'

interface EmulatorStats {
  requests: { total: number; byPath: Record<string, number> }
  inFlight: number
  maxInFlight: number
}

async function emulatorStats(): Promise<EmulatorStats> {
  return (await (await fetch(`${EMULATOR_URL}/__emulator/stats`)).json()) as EmulatorStats
}

async function clearFaults(): Promise<void> {
  await controlEmulator('faults', {})
}

function sessionsTable(page: Page) {
  return page.getByRole('table', { name: /Replica job sessions/ })
}

function dataRows(page: Page) {
  return sessionsTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('link') })
}

/** Where the first session row is on screen, in CSS pixels from the top of the viewport. */
async function firstRowTop(page: Page): Promise<number> {
  return dataRows(page)
    .first()
    .evaluate((row) => row.getBoundingClientRect().top)
}

/** Signs in on the sign-in screen the view redirects to, then waits for its rows. */
async function openView(page: Page, url = VIEW): Promise<void> {
  await page.goto(url)
  await signInThroughUi(page)
  await expect(page).toHaveURL(/\/sessions\?/)
  await expect(dataRows(page).first()).toBeVisible()
}

/** Everything the user set up is still in the URL. */
async function expectViewKept(page: Page, url = VIEW): Promise<void> {
  const expected = new URL(url, 'http://x').searchParams
  const actual = new URL(page.url()).searchParams
  for (const [key, value] of expected) expect(actual.get(key), key).toBe(value)
}

test.beforeEach(async () => {
  await resetEmulator()
})

test('EM down when the screen opens, then back: says so, keeps the view, recovers @xml-only', async ({
  page,
}) => {
  await page.goto('/sign-in')
  await signInThroughUi(page)
  await expect(page).toHaveURL(/\/sessions/)
  // The proxy answers 502 when EM cannot be reached; the emulator plays that part for data requests.
  await controlEmulator('faults', { status: 502, pathPrefix: '/api/query' })
  await page.goto(VIEW)
  const alert = page.getByRole('alert').filter({ hasText: 'Enterprise Manager is unreachable' })
  await expect(alert).toBeVisible({ timeout: 30_000 })
  await expect(page.getByRole('heading', { name: 'Replica sessions', level: 1 })).toBeVisible()
  await expectViewKept(page)

  await clearFaults()
  await alert.getByRole('button', { name: 'Retry' }).click()
  await expect(dataRows(page).first()).toBeVisible()
  await expect(alert).toBeHidden()
  await expectViewKept(page)
})

test('EM failing while a screen is open: rows stay, marked stale, and come back fresh @xml-only', async ({
  page,
}) => {
  await openView(page)
  const shown = await dataRows(page).first().textContent()
  await controlEmulator('faults', { status: 503, pathPrefix: '/api/query' })
  await page.getByRole('button', { name: 'Refresh now' }).click()
  const alert = page.getByRole('alert').filter({ hasText: 'the last refresh failed' })
  await expect(alert).toBeVisible({ timeout: 30_000 })
  await expect(alert).toContainText('Enterprise Manager answered 503')
  await expect(dataRows(page).first()).toHaveText(shown ?? '')
  await expectViewKept(page)

  await clearFaults()
  await alert.getByRole('button', { name: 'Retry' }).click()
  await expect(alert).toBeHidden()
  await expect(dataRows(page).first()).toHaveText(shown ?? '')
})

test('every request failing with 500 for 20 s: bounded backoff, no retry storm, then recovery @xml-only', async ({
  page,
}) => {
  await openView(page, `${VIEW}&refresh=15`)
  // Let the first load's count queries settle before counting.
  await expect(page.getByText(/Updated \d+ s ago|Updated just now/)).toBeVisible()
  const before = await emulatorStats()
  await controlEmulator('faults', { status: 500, forMs: 20_000 })
  await page.getByRole('button', { name: 'Refresh now' }).click()
  // The emulator clears the fault itself after forMs: wait for that, not for a guessed time.
  await expect
    .poll(async () => (await (await fetch(`${EMULATOR_URL}/__emulator/faults`)).json()).fault, {
      timeout: 30_000,
      intervals: [250],
    })
    .toBeNull()
  const during = await emulatorStats()
  const sent = during.requests.total - before.requests.total
  // The explorer polls 6 queries (rows, total, running and three result counts). Each may try 1 + 3 times
  // (app/query-client.ts) per refresh, and a 15 s interval starts at most 2 refreshes in 20 s, plus the manual
  // one: 6 × 4 × 3 = 72 at the very most. A storm (retry without backoff, or a loop) sends hundreds.
  expect(sent).toBeGreaterThan(0)
  expect(sent).toBeLessThanOrEqual(72)
  // At most one request in flight per query.
  expect(during.maxInFlight).toBeLessThanOrEqual(6)

  await expect(page.getByRole('alert').filter({ hasText: 'the last refresh failed' })).toBeHidden({
    timeout: 30_000,
  })
  await expect(dataRows(page).first()).toBeVisible()
  await expectViewKept(page, `${VIEW}&refresh=15`)
})

test('a slow EM (5 s an answer): the controls answer at once, old rows stay until new ones come @xml-only', async ({
  page,
}) => {
  await openView(page)
  const first = await dataRows(page).first().textContent()
  await controlEmulator('faults', { latencyMs: 5_000, pathPrefix: '/api/query' })
  await page.getByRole('button', { name: 'All filters' }).click()
  await page.getByRole('checkbox', { name: 'Warning' }).check()
  // The URL and the control change at once; the rows stay while EM thinks.
  await expect(page).toHaveURL(/Warning/)
  await expect(page.getByText('Loading…')).toBeVisible()
  await expect(dataRows(page).first()).toHaveText(first ?? '')
  await page.getByLabel('Session name', { exact: true }).fill('still typing')
  await expect(page.getByLabel('Session name', { exact: true })).toHaveValue('still typing')
  await page.getByLabel('Session name', { exact: true }).fill('')
  await expect(page.getByText('Loading…')).toBeHidden({ timeout: 30_000 })
  await expect(dataRows(page).first()).toBeVisible()
  const stats = await emulatorStats()
  expect(stats.maxInFlight).toBeLessThanOrEqual(12)
})

/** How many query caches the page's browser holds in IndexedDB (the instant start's store). */
async function storedCaches(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('em-dashboard')
        open.onerror = () => resolve(0)
        open.onsuccess = () => {
          const db = open.result
          if (!db.objectStoreNames.contains('query-cache')) return resolve(0)
          const count = db.transaction('query-cache').objectStore('query-cache').count()
          count.onsuccess = () => resolve(count.result)
          count.onerror = () => resolve(0)
        }
      }),
  )
}

test('a reload while EM takes 5 s shows the last rows at once with their age, then fresh rows @xml-only', async ({
  page,
}) => {
  // The narrowest desk screen, where the toolbar's line is fullest: the note must not wrap it.
  await page.setViewportSize({ width: 1280, height: 720 })
  await openView(page)
  const first = await dataRows(page).first().textContent()
  await expect.poll(() => storedCaches(page)).toBe(1)
  await controlEmulator('faults', { latencyMs: 5_000, pathPrefix: '/api/query' })
  await page.reload()
  // Well before EM's 5 s: the rows come from the browser's store, marked with their age.
  const saved = page.getByText(/From \d+ s ago, refreshing…/)
  await expect(saved).toBeVisible({ timeout: 2_500 })
  await expect(dataRows(page).first()).toHaveText(first ?? '', { timeout: 500 })
  await expect(page.getByRole('alert')).toHaveCount(0)
  const savedTop = await firstRowTop(page)
  // Then EM's answer replaces them, in the same place: nothing above the rows changed size.
  await expect(saved).toBeHidden({ timeout: 30_000 })
  await expect(page.getByText(/Updated \d+ s ago/)).toBeVisible()
  await expect(dataRows(page).first()).toHaveText(first ?? '')
  expect(await firstRowTop(page)).toBe(savedTop)
})

test('a session expiring in the middle of paging asks for the password and lands on the page asked for @xml-only', async ({
  page,
}) => {
  // Refresh off: the explorer's own poll must not be what finds the expired session.
  const view = `${VIEW}&refresh=0`
  await openView(page, view)
  await untilEmulatorQuiet()
  await controlEmulator('expire-sessions')
  await page.getByRole('button', { name: /Next/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Your Enterprise Manager session ended' })
  await expect(dialog).toBeVisible({ timeout: 20_000 })
  await expect(page).toHaveURL(/page=2/)
  await dialog.getByLabel('Password').fill('admin')
  await dialog.getByRole('button', { name: 'Sign in' }).click()
  await expect(dialog).toBeHidden()
  await expect(page).toHaveURL(/page=2/)
  await expectViewKept(page, view)
  await expect(page.getByText(/page 2 of/i).first()).toBeVisible()
  await expect(dataRows(page).first()).toBeVisible()
})

test('a session expiring on the detail view asks for the password and shows the next session @xml-only', async ({
  page,
}) => {
  await openView(page)
  await dataRows(page).first().getByRole('link').click()
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}/)
  const first = page.url()
  await expect(page.getByRole('heading', { name: 'VMs in this session' })).toBeVisible()
  await expect(page.getByRole('table', { name: /VMs/ }).getByRole('row').nth(1)).toBeVisible()
  await untilEmulatorQuiet()
  await controlEmulator('expire-sessions')
  await page.getByRole('button', { name: /Next/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Your Enterprise Manager session ended' })
  await expect(dialog).toBeVisible({ timeout: 20_000 })
  await dialog.getByLabel('Password').fill('admin')
  await dialog.getByRole('button', { name: 'Sign in' }).click()
  await expect(dialog).toBeHidden()
  expect(page.url()).not.toBe(first)
  await expect(page.getByRole('heading', { name: 'VMs in this session' })).toBeVisible()
  // These failed sessions are over 30 days old: EM's Down link lists no tasks that old, the query service does.
  await expect(page.getByRole('table', { name: /VMs/ }).getByRole('row').nth(1)).toBeVisible()
})

for (const [kind, words] of [
  ['truncated-xml', 'Enterprise Manager sent something unreadable'],
  ['invalid-json', 'Enterprise Manager sent something unreadable'],
  ['wrong-shape', 'Enterprise Manager sent something unreadable'],
  ['error-200', 'Enterprise Manager answered'],
  ['html', 'Enterprise Manager sent something unreadable'],
] as const) {
  test(`a malformed answer (${kind}) is a clear error beside a working screen @xml-only`, async ({
    page,
  }) => {
    await page.goto('/sign-in')
    await signInThroughUi(page)
    await expect(page).toHaveURL(/\/sessions/)
    await controlEmulator('faults', { malformed: kind, pathPrefix: '/api/query' })
    await page.goto(VIEW)
    const alert = page
      .getByRole('alert')
      .filter({ hasText: 'Could not load the sessions' })
      .or(page.getByRole('alert').filter({ hasText: words }))
    await expect(alert.first()).toBeVisible({ timeout: 20_000 })
    await expect(alert.first()).toContainText(words)
    // Never a stack trace, and the rest of the screen works.
    await expect(page.locator('body')).not.toContainText(/at \w+ \(|\.tsx?:\d+/)
    await page.getByRole('button', { name: 'All filters' }).click()
    await expect(page.getByLabel('Job name', { exact: true })).toBeEditable()
    await expectViewKept(page)
    await clearFaults()
    await alert.first().getByRole('button', { name: 'Retry' }).click()
    await expect(dataRows(page).first()).toBeVisible()
  })
}

test('a filter that matches nothing says so and offers to clear it @xml-only', async ({ page }) => {
  await page.goto('/sessions?name=no%20such%20session')
  await signInThroughUi(page)
  await expect(page.getByText('No sessions match this filter')).toBeVisible()
  await expect(page.getByText('Widen the time window or clear some filters.')).toBeVisible()
  await page.getByRole('main').getByRole('button', { name: 'Clear filters' }).last().click()
  await expect(page).not.toHaveURL(/name=/)
  await expect(dataRows(page).first()).toBeVisible()
})

test('the token and the password stay where they belong; no cookie crosses the proxy @xml-only', async ({
  page,
  context,
}) => {
  const requests: Request[] = []
  const console: string[] = []
  page.on('request', (request) => requests.push(request))
  page.on('console', (message) => console.push(message.text()))
  await openView(page)
  await dataRows(page).first().getByRole('link').click()
  await expect(page.getByRole('heading', { name: 'VMs in this session' })).toBeVisible()

  const stored = await page.evaluate(() => ({
    session: sessionStorage.getItem('em.session') ?? '',
    local: Object.keys(localStorage).map((key) => `${key}=${localStorage.getItem(key)}`),
  }))
  const token = (JSON.parse(stored.session) as { token: string }).token
  expect(token.length).toBeGreaterThan(10)
  for (const request of requests) expect(request.url()).not.toContain(token)
  expect(page.url()).not.toContain(token)
  expect(stored.local.join('\n')).not.toContain(token)
  expect(console.join('\n')).not.toContain(token)

  // Credentials travel once, in the sign-in request, and never in a URL.
  const withCredentials = await Promise.all(
    requests.map(async (request) => ({
      url: request.url(),
      auth: await request.headerValue('authorization'),
    })),
  )
  const signIns = withCredentials.filter((request) => request.auth !== null)
  expect(signIns.map((request) => new URL(request.url).pathname)).toEqual(['/api/sessionMngr/'])
  for (const request of requests) expect(request.url()).not.toMatch(/password|admin:admin/i)

  // EM's session cookie never reaches the browser.
  expect(await context.cookies()).toEqual([])
})
