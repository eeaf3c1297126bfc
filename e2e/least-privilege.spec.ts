// Least privilege (em-api.md §10): the whole journey as a Portal User, the sign-in of a Restore Operator, and kiosk
// mode with a Portal User service account, through the real proxy and the emulator's role table.
import { type ChildProcess, spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import type { Page } from '@playwright/test'
import { PORTAL_USER, RESTORE_OPERATOR } from './accounts.ts'
import { expect, resetEmulator, signInThroughUi, test } from './fixtures.ts'
import { EMULATOR_URL } from './ports.ts'

const REDUCED =
  'Reduced: jobs not readable by this account, so the job tiles count only jobs seen in sessions.'

test.beforeEach(async () => {
  await resetEmulator()
})

function explorerLinks(page: Page) {
  return page.getByRole('table', { name: /Replica job sessions/ }).getByRole('link')
}

test('a Portal User signs in, explores, opens a session and watches the wall; each screen says what it cannot see @xml-only', async ({
  page,
  format,
}) => {
  await page.goto('/sessions')
  await expect(page).toHaveURL(/\/sign-in/)
  await signInThroughUi(page, PORTAL_USER.user, PORTAL_USER.password)
  await expect(page).toHaveURL(/\/sessions/)
  await expect(explorerLinks(page).first()).toBeVisible()

  // The job picker: EM refuses this account the job list, so the suggestions come from sessions, and it says so.
  await page.getByRole('button', { name: 'Add filter' }).click()
  await page
    .getByRole('dialog', { name: 'Add filter' })
    .getByRole('button', { name: 'Job', exact: true })
    .click()
  const jobName = page.getByLabel('Job name')
  await expect(jobName).toHaveAccessibleDescription('Suggested from recent sessions (jobs not readable)')
  const listId = (await jobName.getAttribute('list')) ?? ''
  await expect.poll(() => page.locator(`datalist[id="${listId}"] option`).count()).toBeGreaterThan(0)
  await expect(page.getByRole('alert')).toHaveCount(0)
  await page.screenshot({ path: `test-results/screens/portal-user-explorer-${format}.png` })
  // The editor sits over the first rows; Escape closes it, as a user would before opening a session.
  await jobName.press('Escape')
  await expect(page.getByRole('dialog', { name: 'Filter: Job' })).toBeHidden()

  const first = explorerLinks(page).first()
  const sessionName = (await first.textContent()) ?? ''
  await first.click()
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/)
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText(sessionName)
  const job = page.getByRole('region', { name: 'Job', exact: true })
  await expect(job.getByRole('status')).toHaveText(
    'Job details need the Enterprise Manager role Portal Administrator; this account may not read jobs.',
  )
  await expect(job.getByRole('link', { name: 'All sessions of this job' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Backup server', exact: true })).toContainText('Version')
  await expect(page.getByRole('table').first()).toBeVisible()
  await expect(page.getByRole('alert')).toHaveCount(0)
  await page.screenshot({ path: `test-results/screens/portal-user-detail-${format}.png`, fullPage: true })

  await page.setViewportSize({ width: 1920, height: 1080 })
  await page.goto('/wall')
  await expect(
    page.getByRole('region', { name: 'Jobs whose latest session failed' }).locator('.wall-tile__figure'),
  ).toHaveText(/^\d+$/)
  // Without the jobs' includes the VM count is a lower bound, and says so.
  await expect(
    page.getByRole('region', { name: /^VMs out of RPO/ }).locator('.wall-tile__figure'),
  ).toHaveText(/^≥ \d+$/, { timeout: 30_000 })
  await expect(page.getByText(REDUCED)).toHaveCount(1)
  await expect(page.getByText('Live', { exact: true })).toBeVisible()
  await expect(page.getByRole('alert')).toHaveCount(0)
  await page.screenshot({ path: `test-results/screens/portal-user-wall-${format}.png` })
})

test('a Restore Operator is told at sign-in, from EM’s answer, which role to ask for @xml-only', async ({
  page,
}) => {
  await page.goto('/sign-in')
  await signInThroughUi(page, RESTORE_OPERATOR.user, RESTORE_OPERATOR.password)
  await expect(page.getByRole('alert')).toHaveText(
    'This account may not read replica sessions (Restore Operator). Ask for the Enterprise Manager role Portal User or Portal Administrator.',
  )
  await expect(page).toHaveURL(/\/sign-in/)
  expect(await page.evaluate(() => sessionStorage.getItem('em.session'))).toBeNull()
  await page.screenshot({ path: 'test-results/screens/restore-operator-sign-in.png' })
})

/** A JSON log line's message (proxy/log.ts); any other line as it is. */
function messageOf(line: string): string {
  try {
    const event: unknown = JSON.parse(line)
    if (typeof event === 'object' && event !== null && 'msg' in event && typeof event.msg === 'string')
      return event.msg
  } catch {
    // Not a log event: npm's or Node's own output.
  }
  return line
}

/** `npm run serve` on a free port with kiosk mode on for `account`; every line it prints is kept, raw and as its message. */
async function startKioskServer(account: { user: string; password: string }, key: string) {
  const child: ChildProcess = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'proxy/serve.ts'], {
    env: {
      ...process.env,
      EM_URL: EMULATOR_URL,
      EM_KIOSK_USER: account.user,
      EM_KIOSK_PASSWORD: account.password,
      EM_KIOSK_KEY: key,
      HOST: '127.0.0.1',
      PORT: '0',
      DIST_DIR: 'dist',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  const raw: string[] = []
  for (const stream of [child.stdout, child.stderr]) {
    if (stream)
      createInterface({ input: stream }).on('line', (line) => {
        raw.push(line)
        lines.push(messageOf(line))
      })
  }
  await expect
    .poll(() => lines.find((line) => line.startsWith('Dashboard listening on')), { timeout: 30_000 })
    .toBeTruthy()
  const url =
    /http:\/\/[^/\s]+/.exec(lines.find((line) => line.startsWith('Dashboard listening on')) ?? '')?.[0] ?? ''
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done()
      child.once('exit', () => done())
      child.kill('SIGTERM')
    })
  return { url, lines, raw, stop }
}

test('kiosk mode with a Portal User account: the proxy logs its self-check, and the wall says it runs reduced @xml-only', async ({
  page,
  format,
}) => {
  const key = 'e2e-least-privilege-key-7d2c9e41'
  const server = await startKioskServer(PORTAL_USER, key)
  try {
    await expect
      .poll(() => server.lines.some((line) => line.startsWith('Kiosk: EM has no read-only role')), {
        timeout: 20_000,
      })
      .toBe(true)
    expect(server.lines).toEqual(
      expect.arrayContaining([
        `Kiosk mode on: wall screens with the key read EM as ${PORTAL_USER.user}`,
        `Kiosk self-check: signed in to EM as ${PORTAL_USER.user}`,
        'Kiosk self-check: replica sessions (GET /api/query?type=ReplicaJobSession): allowed',
        'Kiosk self-check: jobs (GET /api/query?type=Job): refused (403): the wall runs reduced: jobs not readable by this account, so its job tiles count only jobs seen in sessions (reading jobs needs Portal Administrator)',
      ]),
    )
    expect(server.raw.join('\n')).not.toContain(PORTAL_USER.password)

    await page.setViewportSize({ width: 1920, height: 1080 })
    await page.goto(`${server.url}/wall?key=${key}&refresh=5`)
    await expect(page.getByText(REDUCED)).toBeVisible()
    await expect(
      page.getByRole('region', { name: 'Jobs whose latest session failed' }).locator('.wall-tile__figure'),
    ).toHaveText(/^\d+$/)
    await expect(page.getByRole('alert')).toHaveCount(0)
    await page.screenshot({ path: `test-results/screens/kiosk-portal-user-wall-${format}.png` })
    // The old bookmark sent the key in the request line once: the request log shows it redacted.
    expect(server.raw.join('\n')).not.toContain(key)
    expect(server.raw.some((line) => line.includes('key=[redacted]'))).toBe(true)
  } finally {
    await server.stop()
  }
})
