import type { Page } from '@playwright/test'
import {
  controlEmulator,
  expect,
  resetEmulator,
  signInThroughUi,
  test,
  untilEmulatorQuiet,
} from './fixtures.ts'

test.beforeEach(async () => {
  await resetEmulator()
})

async function storedToken(page: Page): Promise<string> {
  const raw = await page.evaluate(() => sessionStorage.getItem('em.session'))
  const token = raw ? (JSON.parse(raw) as { token?: string }).token : undefined
  if (!token) throw new Error('no EM session in sessionStorage')
  return token
}

test('sign in, reload keeps the session, a new tab signs in on its own, sign out ends it in EM @xml-only', async ({
  page,
  context,
}) => {
  await page.goto('/sessions?result=%5B%22Failed%22%5D')
  await expect(page).toHaveURL(/\/sign-in\?redirect=/)
  await signInThroughUi(page)
  await expect(page).toHaveURL(/\/sessions\?result=/)
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()

  const token = await storedToken(page)
  expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(token)
  expect(page.url()).not.toContain(token)

  await page.reload()
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
  await expect(page).toHaveURL(/\/sessions\?result=/)

  const otherTab = await context.newPage()
  await otherTab.goto('/sessions')
  await expect(otherTab).toHaveURL(/\/sign-in/)
  await otherTab.close()

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/sign-in/)
  expect(await page.evaluate(() => sessionStorage.getItem('em.session'))).toBeNull()
  const afterLogout = await page.request.get('/api/logonSessions', {
    headers: { 'X-RestSvcSessionId': token },
  })
  expect(afterLogout.status()).toBe(401)
  await page.goto('/sessions')
  await expect(page).toHaveURL(/\/sign-in/)
})

test('a wrong password says so and stays on the sign-in screen @xml-only', async ({ page }) => {
  await page.goto('/sign-in')
  await signInThroughUi(page, 'admin', 'not-the-password')
  await expect(page.getByRole('alert')).toContainText('Wrong user name or password')
  await expect(page).toHaveURL(/\/sign-in/)
})

test('an expired session asks for the password over the screen and keeps the view @xml-only', async ({
  page,
}) => {
  const url = '/sessions?result=%5B%22Failed%22%5D&sort=Name.asc'
  await page.goto(url)
  await signInThroughUi(page)
  await expect(page).toHaveURL(/sort=Name\.asc/)
  const firstRow = page.getByRole('row').nth(1)
  await expect(firstRow).toBeVisible()
  const rowText = (await firstRow.textContent()) ?? ''
  const before = page.url()

  await untilEmulatorQuiet()
  await controlEmulator('expire-sessions')
  await page
    .getByRole('button', { name: /refresh/i })
    .first()
    .click()

  const dialog = page.getByRole('dialog', { name: 'Your Enterprise Manager session ended' })
  await expect(dialog).toBeVisible()
  expect(page.url()).toBe(before)
  await dialog.getByLabel('Password').fill('admin')
  await dialog.getByRole('button', { name: 'Sign in' }).click()
  await expect(dialog).toBeHidden()
  expect(page.url()).toBe(before)
  await expect(page.getByRole('row').nth(1)).toHaveText(rowText)
  await page.screenshot({ path: 'test-results/screens/after-reauth.png' })
})
