// The detail view mounted at /sessions/<id> against the emulator's own handle(): every card is checked against what
// EM answers behind the session's links, and one failing link must break only its own card.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { HttpResponse, http } from 'msw'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { formatBytes } from '@/lib/format-bytes.ts'
import { type EmTestServer, signInToEm, startEmTestServer } from '@/test/em-server.ts'
import { findCard, type StoredSession, storedLinks, storedSessionWithTasks } from '@/test/emulator-records.ts'
import { renderAt } from '@/test/render-at.tsx'

let em: EmTestServer
let failed: StoredSession

beforeAll(() => {
  em = startEmTestServer()
  // A Failed session with more than one VM, so the table has something to order.
  failed = storedSessionWithTasks(em.context, (session) => session.result === 'Failed', 2)
})
beforeEach(() => signInToEm())
afterEach(() => em.resetHandlers())
afterAll(() => em.close())

describe('session detail', { timeout: 20_000 }, () => {
  it('shows the session and what its Up and Down links lead to', async () => {
    const { server, job, tasks } = storedLinks(em.context, failed)
    renderAt(`/sessions/${failed.id}`)

    const heading = await screen.findByRole(
      'heading',
      { level: 1, name: failed.jobName },
      { timeout: 10_000 },
    )
    const header = heading.closest('header')
    if (!header) throw new Error('the heading sits in no header')
    expect(within(header).getByText('Result:').parentElement).toHaveTextContent('Failed')

    const serverCard = await findCard('Backup server')
    await waitFor(() => expect(within(serverCard).getByText(server.version)).toBeInTheDocument())
    expect(within(serverCard).getByText(server.name)).toBeInTheDocument()
    expect(within(serverCard).getByText(String(server.port))).toBeInTheDocument()
    const onServer = within(serverCard).getByRole('link', { name: 'Sessions on this server' })
    expect(new URL(onServer.getAttribute('href') ?? '', 'http://app').searchParams.get('serverUid')).toBe(
      `urn:veeam:BackupServer:${server.id}`,
    )

    const jobCard = await findCard('Job')
    await waitFor(() => expect(within(jobCard).getByText(job.platform)).toBeInTheDocument())
    expect(within(jobCard).getByText(job.name)).toBeInTheDocument()
    const ofJob = within(jobCard).getByRole('link', { name: 'All sessions of this job' })
    expect(new URL(ofJob.getAttribute('href') ?? '', 'http://app').searchParams.get('jobUid')).toBe(
      `urn:veeam:Job:${job.id}`,
    )

    const taskCard = await findCard('VMs in this session')
    const table = await within(taskCard).findByRole('table', {}, { timeout: 5000 })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(tasks.length)
    for (const task of tasks) {
      const row = within(table).getByRole('rowheader', { name: task.vmName }).closest('tr')
      expect(row).not.toBeNull()
      if (task.reason) expect(row).toHaveTextContent(task.reason.slice(0, 60))
      expect(row).toHaveTextContent(formatBytes(task.totalSize))
    }
    // Failed rows lead by default, and the count per result sits above the table.
    expect(rows[0]).toHaveTextContent('Result: Failed')
    const failedCount = tasks.filter((task) => task.result === 'Failed').length
    const counts = within(taskCard).getByRole('list', { name: 'VMs per result' })
    const failedItem = within(counts).getByText('Failed').closest('li')
    if (!failedItem) throw new Error('no count item for Failed')
    // The whole text of the number, not a substring: "1" must not pass for "12".
    expect(within(failedItem).getByText(String(failedCount))).toBeInTheDocument()
  })

  it('lists every link of the entity and says which card it feeds', async () => {
    renderAt(`/sessions/${failed.id}`)
    const links = await findCard('Links')
    const rows = within(links).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(storedLinks(em.context, failed).linkCount)
    expect(within(links).getByRole('button', { name: /go to “Backup server”/ })).toBeInTheDocument()
    await userEvent.click(within(links).getByRole('button', { name: /go to “VMs in this session”/ }))
    expect(await findCard('VMs in this session')).toHaveFocus()
  })

  it('marks this session in the job history and compares it with earlier successful runs', async () => {
    renderAt(`/sessions/${failed.id}`)
    const history = await findCard('Job history: last 30 runs')
    expect(
      await within(history).findByText(/This session is run \d+ of \d+/, {}, { timeout: 5000 }),
    ).toBeInTheDocument()
    expect(within(history).getByRole('list', { name: 'Legend' })).toHaveTextContent('Failed')
    await waitFor(() =>
      expect(
        within(history).getByText(/than the average of the previous|No earlier successful run/),
      ).toBeInTheDocument(),
    )
  })

  it('keeps everything else when the backup-server link fails, and retries that card alone', async () => {
    const { server, job, tasks } = storedLinks(em.context, failed)
    em.use(
      http.get('*/api/backupServers/*', () =>
        HttpResponse.json({ StatusCode: 500, Message: 'Injected fault' }, { status: 500 }),
      ),
    )
    renderAt(`/sessions/${failed.id}`)

    const serverCard = await findCard('Backup server')
    const alert = await within(serverCard).findByRole('alert', {}, { timeout: 5000 })
    expect(alert).toHaveTextContent('Could not load the backup server')
    expect(alert).toHaveTextContent('500')

    const jobCard = await findCard('Job')
    await waitFor(() => expect(within(jobCard).getByText(job.platform)).toBeInTheDocument())
    const taskCard = await findCard('VMs in this session')
    await waitFor(() => expect(within(taskCard).getAllByRole('row')).toHaveLength(tasks.length + 1))
    expect(screen.getAllByRole('alert')).toHaveLength(1)

    em.resetHandlers()
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }))
    await waitFor(() => expect(within(serverCard).getByText(server.version)).toBeInTheDocument())
    expect(within(serverCard).queryByRole('alert')).toBeNull()
  })

  it('says so when the session does not exist', async () => {
    renderAt('/sessions/00000000-0000-0000-0000-000000000000')
    expect(await screen.findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent('Not found')
    const crumbs = screen.getByRole('navigation', { name: 'Breadcrumb' })
    expect(within(crumbs).getByRole('link', { name: 'Sessions' })).toHaveAttribute('href', '/sessions')
  })
})
