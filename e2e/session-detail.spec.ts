// Session detail journeys against the emulator, through the real proxy. What each card shows is checked against
// EM's own entities, fetched through the app's proxy with the page's session token by following the same links.
import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
import { controlEmulator, expect, resetEmulator, signInThroughUi, test } from './fixtures.ts'

test.beforeEach(async () => {
  await resetEmulator()
})

// The JSON fields these journeys compare with the screen (em-api.md §6); the rest of each body is not read.
interface WireSession {
  Name: string
  JobName: string
  Result: string
  UID: string
  Links: { Rel: string; Type?: string | null; Href: string }[]
}
interface WireServer {
  Name: string
  Version: string
  Port: number
}
interface WireJob {
  Platform: string
  Description: string
}
interface WireTasks {
  ReplicaTaskSessions: { VmDisplayName: string; Reason: string }[]
}
interface WirePage {
  Entities: { ReplicaJobSessions: { ReplicaJobSessions: WireSession[] } }
}

/** EM's JSON answer to a proxy path, with the page's own token (as the app sends it); T names the fields read. */
async function emJson<T>(page: Page, path: string): Promise<T> {
  const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('em.session') ?? '{}').token)
  const response = await page.request.get(path, {
    headers: { 'X-RestSvcSessionId': String(token), Accept: 'application/json' },
  })
  expect(response.status(), path).toBe(200)
  return response.json()
}

/** An EM Href re-based onto the proxy (EM names its own host: em-api.md §9.1), as an entity. */
function entityPath(href: string): string {
  const path = href.replace(/^https?:\/\/[^/]+/, '')
  return `${path}${path.includes('?') ? '&' : '?'}format=Entity`
}

/** The session entity and what EM says lies behind its Up and Down links. */
async function emSessionAndLinks(page: Page, id: string) {
  const session = await emJson<WireSession>(page, `/api/replicaSessions/${id}?format=Entity`)
  const hrefOf = (rel: string, type: string) => {
    const link = session.Links.find((l) => l.Rel === rel && l.Type === type)
    if (!link) throw new Error(`no ${rel} ${type} link`)
    return entityPath(link.Href)
  }
  const server = await emJson<WireServer>(page, hrefOf('Up', 'BackupServerReference'))
  const job = await emJson<WireJob>(page, hrefOf('Up', 'JobReference'))
  const { ReplicaTaskSessions: tasks } = await emJson<WireTasks>(
    page,
    hrefOf('Down', 'ReplicaTaskSessionReferenceList'),
  )
  return { session, server, job, tasks }
}

async function firstSessionId(page: Page, filter: string): Promise<string> {
  const body = await emJson<WirePage>(
    page,
    `/api/query?type=ReplicaJobSession&format=Entities&filter=${encodeURIComponent(filter)}&sortDesc=CreationTime&pageSize=1&page=1`,
  )
  const uid = body.Entities.ReplicaJobSessions.ReplicaJobSessions[0]?.UID
  if (!uid) throw new Error(`no session matches ${filter}`)
  return uid.slice(uid.lastIndexOf(':') + 1)
}

/** Signs in through the UI and waits until the session token is stored. */
async function signIn(page: Page): Promise<void> {
  await page.goto('/sessions')
  await signInThroughUi(page)
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
}

function card(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true })
}

function explorerRows(page: Page): Locator {
  return page
    .getByRole('table', { name: /Replica job sessions/ })
    .getByRole('row')
    .filter({ has: page.getByRole('link') })
}

test('a failed session from the explorer: cards from the Up links, tasks from the Down link, history, reload, Back', async ({
  page,
}) => {
  // Page 1: the newest failures, so the session is among its job's last 30 runs in the history chart. (Page 2 of
  // 25 reached back past 30 runs of a job that runs often, once the data set grew retries of a VM failing for days.)
  const explorerUrl = '/sessions?result=Failed&size=25'
  await page.goto(explorerUrl)
  await signInThroughUi(page)
  await expect(explorerRows(page).first()).toBeVisible()
  const listUrl = page.url()
  const row = explorerRows(page).nth(2)
  // A row is its session: the link's text is the job's name, its target the session.
  const href = (await row.getByRole('link').getAttribute('href')) ?? ''
  const nextHref = (await explorerRows(page).nth(3).getByRole('link').getAttribute('href')) ?? ''
  await row.getByRole('link').click()
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/)
  const id = new URL(page.url()).pathname.split('/').pop() ?? ''
  const em = await emSessionAndLinks(page, id)
  expect(em.session.Result).toBe('Failed')

  expect(href).toBe(`/sessions/${id}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(em.session.JobName)
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText(em.session.Name)

  const server = card(page, 'Backup server')
  await expect(server).toContainText(em.server.Name)
  await expect(server).toContainText(em.server.Version)
  await expect(server).toContainText(String(em.server.Port))
  const job = card(page, 'Job')
  await expect(job).toContainText(em.job.Platform)
  await expect(job).toContainText(em.job.Description)

  const tasks = card(page, 'VMs in this session').getByRole('table')
  await expect(tasks.getByRole('row')).toHaveCount(em.tasks.length + 1)
  for (const task of em.tasks) {
    const taskRow = tasks
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: task.VmDisplayName }) })
    await expect(taskRow).toHaveCount(1)
    if (task.Reason) await expect(taskRow).toContainText(task.Reason.slice(0, 60))
  }
  await expect(tasks.getByRole('row').nth(1)).toContainText('Result: Failed')

  const history = card(page, 'Job history: last 30 runs')
  await expect(history.getByText(/This session is run \d+ of \d+/)).toBeVisible()
  await expect(history.locator('svg.recharts-surface')).toBeVisible()
  await expect(history.locator('svg.recharts-surface').getByText('This session')).toBeVisible()
  await expect(history.locator('.detail-history-mark')).toHaveCount(1)
  await expect(history.getByText(/than the average of the previous|No earlier successful run/)).toBeVisible()
  // The pointer rests where the explorer's link was, over the chart: move it off so no tooltip hides data.
  await page.mouse.move(0, 0)
  await history.screenshot({ path: 'test-results/screens/detail-history.png' })
  await page.screenshot({ path: 'test-results/screens/detail-failed.png', fullPage: true })

  // `j` opens the next session of the list in place of this one; `k` comes back. Neither adds a history entry.
  await page.keyboard.press('j')
  await expect(page).toHaveURL(new RegExp(`${nextHref}$`))
  await expect(page.getByText('4 of 25 in your list')).toBeVisible()
  await page.keyboard.press('k')
  await expect(page).toHaveURL(new RegExp(`/sessions/${id}$`))

  // The breadcrumb goes back in history: the explorer's filters, page and rows return as they were.
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Sessions' }).click()
  await expect(page).toHaveURL(listUrl)
  await expect(explorerRows(page).nth(2).getByRole('link')).toHaveAttribute('href', href)

  // A deep link survives a reload, and the browser's Back still leads to the explorer exactly.
  await page.goForward()
  await expect(page).toHaveURL(new RegExp(`/sessions/${id}$`))
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(em.session.JobName)
  await expect(tasks.getByRole('row')).toHaveCount(em.tasks.length + 1)
  await page.goBack()
  await expect(page).toHaveURL(listUrl)
  await expect(explorerRows(page).nth(2).getByRole('link')).toHaveAttribute('href', href)
})

test('a failing backup-server link breaks only its card, and Retry brings it back @xml-only', async ({
  page,
}) => {
  await signIn(page)
  const id = await firstSessionId(page, 'Result==Failed')
  const em = await emSessionAndLinks(page, id)
  await controlEmulator('faults', { status: 500, pathPrefix: '/api/backupServers' })

  await page.goto(`/sessions/${id}`)
  const server = card(page, 'Backup server')
  // The app retries a 500 with backoff (about 7 s in all) before it gives up on the card.
  const alert = server.getByRole('alert')
  await expect(alert).toContainText('Could not load the backup server', { timeout: 20_000 })
  await expect(alert).toContainText('500')
  await expect(card(page, 'Job')).toContainText(em.job.Platform)
  const tasks = card(page, 'VMs in this session').getByRole('table')
  await expect(tasks.getByRole('row')).toHaveCount(em.tasks.length + 1)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(em.session.JobName)
  await expect(page.getByRole('alert')).toHaveCount(1)
  await page.screenshot({ path: 'test-results/screens/detail-server-failed.png', fullPage: true })

  await controlEmulator('faults', {})
  await alert.getByRole('button', { name: 'Retry' }).click()
  await expect(server).toContainText(em.server.Version)
  await expect(server.getByRole('alert')).toHaveCount(0)
})

test('a session that fails to load shows the error, and Retry loads it once EM answers @xml-only', async ({
  page,
}) => {
  await signIn(page)
  const id = await firstSessionId(page, 'Result==Failed')
  const em = await emSessionAndLinks(page, id)
  await controlEmulator('faults', { status: 503, pathPrefix: `/api/replicaSessions/${id}` })

  await page.goto(`/sessions/${id}`)
  // The app retries a 503 with backoff (about 7 s in all) before the route gives up.
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('503', { timeout: 20_000 })
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0)

  await controlEmulator('faults', {})
  await alert.getByRole('button', { name: 'Retry' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(em.session.JobName)
  await expect(page.getByRole('alert')).toHaveCount(0)
})

test('a running session refreshes itself and shows live progress @xml-only', async ({ page }) => {
  await signIn(page)
  const id = await firstSessionId(page, 'State==Working')
  let fetches = 0
  page.on('request', (request) => {
    if (request.url().includes(`/api/replicaSessions/${id}?format=Entity`)) fetches++
  })
  await page.goto(`/sessions/${id}`)
  await expect(page.getByText('Still running')).toBeVisible()
  await expect(page.getByRole('progressbar', { name: 'Session progress' })).toBeVisible()
  await expect(page.getByText(/Running: refreshed every 5 s/)).toBeVisible()
  await expect(card(page, 'VMs in this session').getByRole('table')).toBeVisible()
  await expect(card(page, 'Job history: last 30 runs').getByText(/This session is run/)).toBeVisible()
  await expect.poll(() => fetches, { timeout: 15_000 }).toBeGreaterThanOrEqual(3)
  await page.mouse.move(0, 0)
  await page.screenshot({ path: 'test-results/screens/detail-running.png', fullPage: true })
})

test('hostile EM text renders as text, and no serious or critical accessibility violations', async ({
  page,
}) => {
  await signIn(page)
  const injected = await controlEmulator('data', { hostile: true })
  const sessions = injected && typeof injected === 'object' && 'sessions' in injected ? injected.sessions : []
  const [scripted, , long] = Array.isArray(sessions) ? sessions.map(String) : []
  if (!scripted || !long) throw new Error('the emulator injected no hostile texts')
  let dialogs = 0
  page.on('dialog', (dialog) => {
    dialogs++
    void dialog.dismiss()
  })

  await page.goto(`/sessions/${scripted}`)
  const tasks = card(page, 'VMs in this session').getByRole('table')
  await expect(tasks.getByText('<script>alert("EM")</script>').first()).toBeVisible()
  await page.goto(`/sessions/${long}`)
  const more = card(page, 'VMs in this session').getByRole('button', { name: 'Show full reason' }).first()
  await more.click()
  await expect(
    card(page, 'VMs in this session').getByRole('button', { name: 'Show less' }).first(),
  ).toBeVisible()
  expect(dialogs).toBe(0)
  const width = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(width).toBeLessThanOrEqual(0)

  for (const theme of ['light', 'dark'] as const) {
    await page.getByLabel('Theme').selectOption(theme)
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
    await expect(card(page, 'Backup server')).toContainText('Sessions on this server')
    const results = await new AxeBuilder({ page }).analyze()
    const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
    await page.screenshot({ path: `test-results/screens/detail-hostile-${theme}.png`, fullPage: true })
  }
})
