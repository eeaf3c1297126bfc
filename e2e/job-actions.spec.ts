// Job actions against the emulator through the real proxy (em-api.md §13, §15): stop a running job and retry it
// from the session's detail view, watch each task and the new session to its end, find it atop the explorer;
// Cancel sends nothing; a Portal User sees the job's actions disabled with EM's reason; a failed task shows EM's
// message; an axe scan of the dialog.
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { PORTAL_USER } from './accounts.ts'
import { controlEmulator, expect, resetEmulator, signInThroughUi, test } from './fixtures.ts'

test.beforeEach(async () => {
  await resetEmulator()
  // Quick tasks and short runs: a whole stop, retry and new session in seconds.
  await controlEmulator('config', { taskDelaysMs: [400, 400], actionRunSeconds: 4 })
})
test.afterEach(async () => {
  await controlEmulator('config', { taskDelaysMs: [3000, 2000], actionRunSeconds: null })
  await controlEmulator('task-faults', {})
})

/** The id of the newest running session, asked of EM through the proxy with the page's token. */
async function runningSessionId(page: Page): Promise<string> {
  const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('em.session') ?? '{}').token)
  const filter = encodeURIComponent('State==Working')
  const response = await page.request.get(
    `/api/query?type=ReplicaJobSession&format=Entities&filter=${filter}&sortDesc=CreationTime&pageSize=1`,
    { headers: { 'X-RestSvcSessionId': String(token), Accept: 'application/json' } },
  )
  const body = await response.json()
  const uid: string = body.Entities.ReplicaJobSessions.ReplicaJobSessions[0].UID
  return uid.slice(uid.lastIndexOf(':') + 1)
}

async function signInAndOpenRunning(page: Page, user = 'admin', password = 'admin') {
  await page.goto('/sessions')
  await signInThroughUi(page, user, password)
  await expect(page.getByRole('table')).toBeVisible()
  await page.goto(`/sessions/${await runningSessionId(page)}`)
  return page.getByRole('region', { name: 'Job', exact: true })
}

test('stop a running job, retry it, watch the new session to its end and find it atop the explorer @xml-only', async ({
  page,
}) => {
  const posts: string[] = []
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().includes('?action=')) posts.push(request.url())
  })
  const jobCard = await signInAndOpenRunning(page)
  const jobName = (await page.getByRole('heading', { level: 1 }).textContent()) ?? ''

  // Cancel sends nothing.
  await jobCard.getByRole('button', { name: 'Stop job' }).click()
  const stopDialog = page.getByRole('dialog', { name: /^Stop job “/ })
  await expect(stopDialog).toContainText('backup server “')
  await stopDialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(stopDialog).toBeHidden()
  expect(posts).toEqual([])

  await jobCard.getByRole('button', { name: 'Stop job' }).click()
  await stopDialog.getByRole('button', { name: 'Stop job' }).click()
  await expect(jobCard.getByText(/triggered to stop\./)).toBeVisible({ timeout: 15_000 })
  // The detail view reads the running session until it ends: Failed, stopped by user.
  await expect(page.locator('.badge--large[data-status="Failed"]')).toBeVisible({ timeout: 20_000 })

  await jobCard.getByRole('button', { name: 'Retry job' }).click()
  const retryDialog = page.getByRole('dialog', { name: /^Retry job “/ })
  await retryDialog.getByRole('button', { name: 'Retry job' }).click()
  await expect(jobCard.getByText('Running', { exact: true })).toBeVisible()
  await expect(jobCard.getByText(/triggered to retry\./)).toBeVisible({ timeout: 15_000 })
  const watch = jobCard.locator('.new-session')
  await expect(watch.getByRole('link')).toBeVisible({ timeout: 15_000 })
  // Live until it ends (a 4 s run): its result shows.
  await expect(
    watch.locator('[data-status="Success"], [data-status="Warning"], [data-status="Failed"]'),
  ).toBeVisible({
    timeout: 20_000,
  })
  expect(posts.map((url) => new URL(url).search)).toEqual(['?action=stop', '?action=retry'])
  const newHref = (await watch.getByRole('link').getAttribute('href')) ?? ''
  expect(newHref).toMatch(/^\/sessions\/[0-9a-f-]{36}$/)

  // The explorer's row link is its Job cell; the session is where it leads.
  await page.goto('/sessions')
  const firstRow = page.getByRole('row').nth(1)
  await expect(firstRow.getByRole('link').first()).toHaveAttribute('href', newHref)
  await expect(firstRow).toContainText('Retry')
  expect(jobName).not.toBe('')
})

test('a Portal User sees the job actions disabled with the reason and Collect usable @xml-only', async ({
  page,
}) => {
  const viewerCard = await signInAndOpenRunning(page, PORTAL_USER.user, PORTAL_USER.password)
  const stop = viewerCard.getByRole('button', { name: 'Stop job' })
  await expect(stop).toBeDisabled()
  await expect(stop).toHaveAccessibleDescription(
    /may not start, stop or retry jobs; that needs Portal Administrator\. Enterprise Manager refused this account the job \(403\)\./,
  )
  await expect(viewerCard.getByRole('button', { name: 'Collect now' })).toBeEnabled()
})

test('a task EM fails shows its message word for word; the dialog passes axe @xml-only', async ({ page }) => {
  await controlEmulator('task-faults', { message: 'Backup server is not responding.', times: 1 })
  const jobCard = await signInAndOpenRunning(page)
  await jobCard.getByRole('button', { name: 'Stop job' }).click()
  const dialog = page.getByRole('dialog', { name: /^Stop job “/ })
  await expect(dialog).toBeVisible()
  const scan = await new AxeBuilder({ page }).include('dialog[open]').analyze()
  expect(scan.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
  await dialog.getByRole('button', { name: 'Stop job' }).click()
  await expect(jobCard.getByRole('alert')).toHaveText(
    /Finished, failed\. Enterprise Manager: Backup server is not responding\./,
    { timeout: 15_000 },
  )
})
