// Job actions against the in-process emulator (em-api.md §13): an idle job started from a session's detail view,
// confirmed, its task followed to Finished and the new session found; Cancel sends nothing; a task EM fails and a
// refusal by the dashboard's proxy each show their own words.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { HttpResponse, http } from 'msw'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { emGet } from '@/em/em-get.ts'
import { parseSessionsPage } from '@/em/parse-session.ts'
import { buildQueryPath, type SessionFilter } from '@/em/session-query-path.ts'
import { isRunning } from '@/em/session-status.ts'
import { clearEmSession } from '@/em/session-token.ts'
import { signInToEm as signIn } from '@/test/em-server.ts'
import { renderAt } from '@/test/render-at.tsx'
import { signedInEmulator } from '@/test/signed-in-emulator.ts'

const em = signedInEmulator({ signIn: false })

beforeAll(() => {
  // jsdom has <dialog> but not its modal methods.
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.open = true
  }
  HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
    this.open = false
  }
  // Quick tasks and short runs, so a test sees a whole action in seconds.
  em.context.config.taskDelaysMs = [300, 300]
  em.context.config.actionRunSeconds = 2
})
afterEach(() => {
  em.resetHandlers()
  em.context.tasks.clear()
  clearEmSession()
})

/** The newest sessions matching a filter, as EM answers them (through the app's own transport and parser). */
async function emSessions(filter: SessionFilter, pageSize: number) {
  const path = buildQueryPath({ filter, sort: { field: 'CreationTime', dir: 'desc' }, page: 1, pageSize })
  return parseSessionsPage(await emGet(path, { format: 'xml' })).items
}

function findCard(name: string) {
  return screen.findByRole('region', { name }, { timeout: 5000 })
}

/** A session whose job is idle (its newest session has ended): Start applies. */
async function idleJobSession() {
  // Each job's newest session, newest first: a frequent job can fill the first 50 sessions alone, and while its
  // newest run is in progress (a quarter of every hour in the emulator's data) none of them would do.
  const seen = new Set<string>()
  for (const session of await emSessions({}, 1000)) {
    if (seen.has(session.jobUid)) continue
    seen.add(session.jobUid)
    const [newest] = await emSessions({ jobUid: session.jobUid }, 1)
    if (newest?.id === session.id && !isRunning(session)) return session
  }
  throw new Error('the emulator has no idle job')
}

const posts = () => em.requests.filter((line) => line.startsWith('POST /api/jobs/'))

async function openStart() {
  await signIn()
  const session = await idleJobSession()
  renderAt(`/sessions/${session.id}`)
  const jobCard = await findCard('Job')
  const start = await within(jobCard).findByRole('button', { name: 'Start job' }, { timeout: 10_000 })
  return { session, jobCard, start }
}

describe('job actions', { timeout: 30_000 }, () => {
  it('starts after a confirmation naming job and server; Enter on the dialog cancels and sends nothing; the task and the new session show', async () => {
    const user = userEvent.setup()
    const { session, jobCard, start: retry } = await openStart()
    await user.click(retry)
    const dialog = await screen.findByRole('dialog', { name: `Start job “${session.jobName}”?` })
    expect(dialog).toHaveTextContent(`backup server “${session.backupServerName}”`)
    // Cancel has the focus: Enter cancels.
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(posts()).toEqual([])

    const before = em.requests.length
    await user.click(retry)
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Start job' }))
    await waitFor(() => expect(within(jobCard).getByText(/triggered to start/)).toBeInTheDocument(), {
      timeout: 10_000,
    })
    expect(
      within(jobCard).getByText(`Job "${session.jobName}" triggered to start.`, { exact: false }),
    ).toBeVisible()
    const sent = em.requests.slice(before).filter((line) => line.startsWith('POST'))
    expect(sent).toEqual([`POST /api/jobs/${session.jobUid.split(':').at(-1)}?action=start`])
    expect(em.requests.slice(before).some((line) => /^GET \/api\/tasks\/task-\d+$/.test(line))).toBe(true)
    // The new session: found by job and creation time, linked, not the one the view shows.
    const found = await within(jobCard).findByText('New session:', {}, { timeout: 10_000 })
    const link = within(found.parentElement ?? jobCard).getByRole('link')
    expect(link.getAttribute('href')).toMatch(/^\/sessions\/[0-9a-f-]{36}$/)
    expect(link.getAttribute('href')).not.toBe(`/sessions/${session.id}`)
  })

  it("a task EM finishes with Success=false shows EM's message word for word", async () => {
    const user = userEvent.setup()
    em.context.tasks.fault = { message: 'Backup server "vbr-02" is not responding.', remaining: 1 }
    const { jobCard, start: retry } = await openStart()
    await user.click(retry)
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Start job' }))
    const alert = await within(jobCard).findByRole('alert', {}, { timeout: 10_000 })
    expect(alert).toHaveTextContent(
      'Finished, failed. Enterprise Manager: Backup server "vbr-02" is not responding.',
    )
    expect(within(jobCard).queryByText('New session:')).toBeNull()
  })

  it("the proxy's refusal shows the proxy's words, and that EM was not asked", async () => {
    const user = userEvent.setup()
    const words = "Actions are accepted only from the dashboard's own pages (Origin)"
    em.use(
      http.post('*/api/jobs/*', () =>
        HttpResponse.json({ error: 'forbidden', message: words }, { status: 403 }),
      ),
    )
    const { jobCard, start: retry } = await openStart()
    await user.click(retry)
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Start job' }))
    const alert = await within(jobCard).findByRole('alert')
    expect(alert).toHaveTextContent(
      `The dashboard did not send it. ${words}. Enterprise Manager was not asked.`,
    )
    // Not a role refusal: the buttons stay usable.
    expect(retry).toBeEnabled()
  })

  it('an action sent with an expired session asks for the password again, and says the session ended', async () => {
    const user = userEvent.setup()
    em.use(
      http.post('*/api/jobs/*', () =>
        HttpResponse.json({ StatusCode: 401, Message: 'Unauthorized' }, { status: 401 }),
      ),
    )
    const { jobCard, start } = await openStart()
    await user.click(start)
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Start job' }))
    expect(await within(jobCard).findByRole('alert')).toHaveTextContent('Signed out of Enterprise Manager')
    expect(await screen.findByRole('dialog', { name: 'Your Enterprise Manager session ended' })).toBeVisible()
  })

  it("the explorer's row menu offers the same actions for the row's job; Cancel sends nothing", async () => {
    const user = userEvent.setup()
    await signIn()
    const [newest] = await emSessions({}, 1)
    if (!newest) throw new Error('the emulator has no session')
    const before = em.requests.length
    renderAt('/sessions')
    const menu = await screen.findByRole(
      'button',
      { name: `Actions for session ${newest.name}` },
      { timeout: 10_000 },
    )
    await user.click(menu)
    const panel = await screen.findByRole('dialog', { name: `Actions for job ${newest.jobName}` })
    const stop = await within(panel).findByRole('button', { name: 'Stop job' }, { timeout: 10_000 })
    expect(within(panel).getByRole('button', { name: 'Collect now' })).toBeEnabled()
    await user.click(stop)
    const confirm = await screen.findByRole('dialog', { name: `Stop job “${newest.jobName}”?` })
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }))
    expect(
      em.requests
        .slice(before)
        .filter((line) => line.startsWith('POST /api/jobs/') || line.startsWith('POST /api/backupServers/')),
    ).toEqual([])
    // Clicks in the menu stay there: the row under it does not open the session.
    await user.click(within(panel).getByRole('heading', { level: 2 }))
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Replica sessions')
  })
})
