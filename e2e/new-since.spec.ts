// "What failed since you last looked" with the emulator's clock moved forward (/__emulator/clock): sessions that
// end Failed or Warning after the last visit are marked and counted, older ones are not; opt-in notifications
// fire once per new failure in a context that granted the permission, and open that session.
import type { APIRequestContext } from '@playwright/test'
import { controlEmulator, expect, resetEmulator, signInThroughUi, test } from './fixtures.ts'

test.beforeEach(async () => {
  await resetEmulator()
})

const DAY_S = 86_400
const HOURS_S = 4 * 3600
const FAILURES = '/sessions?result=%5B%22Failed%22%2C%22Warning%22%5D'

interface WireSession {
  UID: string
  Result: string
  EndTimeUTC: string
}

/** A token of EM's own, signed in through the proxy as the app does, for asking EM what the screen should show. */
async function emToken(request: APIRequestContext): Promise<string> {
  const response = await request.post('/api/sessionMngr/?v=latest', {
    headers: { Authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` },
  })
  expect(response.status()).toBe(201)
  return response.headers()['x-restsvcsessionid'] ?? ''
}

/** EM's answer to a session query, asked through the proxy. */
async function emSessions(
  request: APIRequestContext,
  token: string,
  query: { filter: string; sort: string; pageSize: number },
): Promise<WireSession[]> {
  const { filter, sort, pageSize } = query
  const path = `/api/query?type=ReplicaJobSession&format=Entities&${sort}&pageSize=${pageSize}&page=1&filter=${encodeURIComponent(filter)}`
  const response = await request.get(path, {
    headers: { 'X-RestSvcSessionId': token, Accept: 'application/json' },
  })
  expect(response.status()).toBe(200)
  const body = await response.json()
  return body.Entities.ReplicaJobSessions.ReplicaJobSessions ?? []
}

/** The ISO text of one millisecond after an EM time: EM's filter for "ended after it". */
function justAfter(emTime: string): string {
  return new Date(Date.parse(emTime) + 1).toISOString().replace('.000Z', 'Z')
}

const idOf = (uid: string) => uid.replace('urn:veeam:ReplicaJobSession:', '')

test('failures after the last visit are marked and counted, older ones are not @xml-only', async ({
  context,
  request,
}) => {
  const token = await emToken(request)
  // The first visit: nothing is new yet. Closing the tab is leaving.
  const first = await context.newPage()
  await first.goto(FAILURES)
  await signInThroughUi(first)
  const table = first.getByRole('table', { name: /Replica job sessions/ })
  await expect(table.getByRole('row').nth(1)).toBeVisible()
  await expect(table.getByText('New', { exact: true })).toHaveCount(0)
  const [newest] = await emSessions(request, token, {
    filter: '(Result==Failed,Result==Warning)',
    sort: 'sortDesc=EndTime',
    pageSize: 1,
  })
  if (!newest) throw new Error('EM reports no failure at all')
  await first.close({ runBeforeUnload: true })

  // Job runs happen while nobody looks: a few hours at a time, until one of them failed or warned. Few enough that
  // the list on screen (newest first) still reaches back to failures from before the first visit.
  for (let step = 0; step < 8; step += 1) {
    await controlEmulator('clock', { advanceSeconds: HOURS_S })
    const fresh = await emSessions(request, token, {
      filter: `(Result==Failed,Result==Warning);EndTime>="${justAfter(newest.EndTimeUTC)}"`,
      sort: 'sortDesc=EndTime',
      pageSize: 1,
    })
    if (fresh.length > 0) break
  }

  // Back in a new tab: the sign-in screen does not touch what the explorer remembers.
  const page = await context.newPage()
  await page.goto(FAILURES)
  await expect(page.getByLabel('User name')).toBeVisible()
  // When the list was last seen, and the end of the newest failure EM had reported by then (EM's clock).
  const lastSeen: { at: number; after: number } = JSON.parse(
    (await page.evaluate(() => localStorage.getItem('dashboard.explorer.lastSeen'))) ?? 'null',
  )
  // The emulator's runs go on in real time: a run may have ended failed between the page's last read and the test's,
  // so the page's mark is a failure EM reported, no newer than the newest the test read afterwards.
  const atMark = await emSessions(request, token, {
    filter: `(Result==Failed,Result==Warning);EndTime>="${new Date(lastSeen.after - 1).toISOString()}";EndTime<="${new Date(lastSeen.after + 1).toISOString()}"`,
    sort: 'sortDesc=EndTime',
    pageSize: 1,
  })
  expect(atMark).toHaveLength(1)
  expect(lastSeen.after).toBeLessThanOrEqual(Date.parse(newest.EndTimeUTC) + 1)
  await signInThroughUi(page)
  const rows = page
    .getByRole('table', { name: /Replica job sessions/ })
    .getByRole('row')
    .filter({ has: page.getByRole('link') })
  await expect(rows.first()).toBeVisible()
  const sinceText = new Date(lastSeen.after + 1).toISOString().replace('.000Z', 'Z')

  // What EM says ended Failed or Warning since then: the line's count, and the rows to mark.
  const newer = await emSessions(request, token, {
    filter: `(Result==Failed,Result==Warning);EndTime>="${sinceText}"`,
    sort: 'sortDesc=CreationTime',
    pageSize: 1000,
  })
  expect(newer.length).toBeGreaterThan(0)
  const line = page.getByRole('status').filter({ hasText: /new failures? \(failed or warning\) since/ })
  await expect(line).toContainText(`${newer.length} new ${newer.length === 1 ? 'failure' : 'failures'}`)
  const newIds = new Set(newer.map((session) => idOf(session.UID)))
  const shown = await rows.evaluateAll((found) =>
    found.map((row) => ({
      id: row.querySelector('a')?.getAttribute('href')?.replace('/sessions/', '') ?? '',
      marked: [...row.querySelectorAll('.new-mark')].some((mark) => mark.textContent === 'New'),
    })),
  )
  expect(shown.filter((row) => row.marked).map((row) => row.id)).toEqual(
    shown.filter((row) => newIds.has(row.id)).map((row) => row.id),
  )
  // Both kinds are on screen: some marked, some older failures left alone.
  expect(shown.some((row) => row.marked)).toBe(true)
  expect(shown.some((row) => !row.marked)).toBe(true)
  await page.screenshot({ path: 'test-results/screens/explorer-new-since.png' })

  await line.getByRole('button', { name: 'Show them' }).click()
  await expect.poll(() => new URL(page.url()).searchParams.get('endedFrom')).toBe(sinceText)
  await expect(page.getByRole('button', { name: /^Ended: from / })).toBeVisible()
  await expect(page.getByText(`${newer.length} sessions on this page`)).toBeVisible()
  for (const row of await rows.all()) await expect(row.getByText('New', { exact: true })).toBeVisible()

  await line.getByRole('button', { name: 'Mark all as seen' }).click()
  await expect(line).toHaveCount(0)
  await expect(
    page.getByRole('table', { name: /Replica job sessions/ }).getByText('New', { exact: true }),
  ).toHaveCount(0)
})

test.describe('notifications', () => {
  test.use({ permissions: ['notifications'] })

  test('fire once per new failure while the tab is open, and each opens its session @xml-only', async ({
    page,
    request,
  }) => {
    const token = await emToken(request)
    // Keep every notification the page makes (and still make it), so the test can see and click them.
    await page.addInitScript(() => {
      const Real = window.Notification
      const shown: Notification[] = []
      Object.assign(window, { shownNotifications: shown })
      class Recorded extends Real {
        constructor(title: string, options?: NotificationOptions) {
          super(title, options)
          shown.push(this)
        }
      }
      Object.defineProperty(Recorded, 'permission', { get: () => Real.permission })
      Object.defineProperty(Recorded, 'requestPermission', { value: Real.requestPermission.bind(Real) })
      window.Notification = Recorded
    })
    const shownTags = () =>
      page.evaluate(() =>
        ((window as unknown as { shownNotifications: Notification[] }).shownNotifications ?? []).map(
          (n) => n.tag,
        ),
      )
    const watchAnswer = () =>
      page.waitForResponse(
        (response) => response.url().includes('sortDesc=EndTime') && response.url().includes('pageSize=25'),
      )

    await page.goto('/sessions')
    await signInThroughUi(page)
    await expect(page.getByRole('heading', { name: 'Replica sessions', level: 1 })).toBeVisible()
    const firstWatch = watchAnswer()
    await page.getByRole('button', { name: 'Notify me of failures' }).click()
    await expect(page.getByRole('button', { name: 'Notifying of failures' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    await firstWatch
    const latest = async () =>
      (
        await emSessions(request, token, { filter: 'Result==Failed', sort: 'sortDesc=EndTime', pageSize: 25 })
      ).map((s) => s.UID)
    const before = await latest()
    expect(await shownTags()).toEqual([])

    // Failures happen (a day of runs), and the next refresh finds them.
    await controlEmulator('clock', { advanceSeconds: DAY_S })
    const fresh = (await latest()).filter((uid) => !before.includes(uid))
    expect(fresh.length).toBeGreaterThan(0)
    const second = watchAnswer()
    await page.getByRole('button', { name: 'Refresh now' }).click()
    await second
    await expect.poll(async () => (await shownTags()).sort()).toEqual([...fresh].sort())

    // Once each: another refresh with nothing new shows nothing more.
    const third = watchAnswer()
    await page.getByRole('button', { name: 'Refresh now' }).click()
    await third
    expect(await shownTags()).toHaveLength(fresh.length)

    const tag = (await shownTags())[0] ?? ''
    await page.evaluate(() =>
      (window as unknown as { shownNotifications: Notification[] }).shownNotifications[0]?.dispatchEvent(
        new Event('click'),
      ),
    )
    await expect(page).toHaveURL(new RegExp(`/sessions/${idOf(tag)}$`))
  })
})
