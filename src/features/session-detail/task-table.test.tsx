// The per-VM table against the emulator: EM's Reason text stays text whatever it holds, the Down link is followed
// in either path spelling, and the order lives in the URL without adding history entries.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type EmTestServer, signInToEm, startEmTestServer } from '@/test/em-server.ts'
import {
  findCard,
  type StoredSession,
  storedLinks,
  storedSessions,
  storedSessionWithTasks,
} from '@/test/emulator-records.ts'
import { renderAt } from '@/test/render-at.tsx'

let em: EmTestServer
let session: StoredSession

beforeAll(() => {
  em = startEmTestServer()
  session = storedSessionWithTasks(em.context, (stored) => ['Failed', 'Warning'].includes(stored.result), 3)
})
beforeEach(() => signInToEm())
afterEach(() => {
  em.resetHandlers()
  em.context.config.taskPathSpelling = 'replicaTaskSessions'
})
afterAll(() => em.close())

async function taskTable() {
  const card = await findCard('VMs in this session')
  return within(card).findByRole('table', {}, { timeout: 10_000 })
}

describe('per-VM task table', { timeout: 20_000 }, () => {
  it('renders hostile Reason text as plain text: markup, very long, right-to-left', async () => {
    const markup = '<img src=x onerror="document.title=\'pwned\'"><b>bold</b> & <script>alert(1)</script>'
    const rtl = 'שגיאה: לא ניתן ליצור תמונת מצב של המכונה הווירטואלית (0x800423f4)'
    const long = `Error: ${'vddk-disk-chain-segment-'.repeat(40)}end`
    const [a, b, c] = em.context.store.tasksOfSession(session.id)
    if (!a || !b || !c) throw new Error('three tasks expected')
    a.reason = markup
    b.reason = rtl
    c.reason = long
    renderAt(`/sessions/${session.id}`)
    const table = await taskTable()

    const rowOf = (vm: string) => within(table).getByRole('rowheader', { name: vm }).closest('tr')
    expect(rowOf(a.vmName)).toHaveTextContent(markup, { normalizeWhitespace: false })
    expect(table.querySelector('img, b, script')).toBeNull()
    // One element holds the markup as its whole text; rendered as HTML, its text would be "bold & alert(1)".
    expect(within(table).getByText(markup)).toBeInTheDocument()

    const rtlText = within(table).getByText(rtl)
    expect(rtlText).toHaveAttribute('dir', 'auto')

    const longRow = rowOf(c.vmName)
    if (!longRow) throw new Error('no row for the long reason')
    expect(longRow).not.toHaveTextContent('segment-end')
    const more = within(longRow).getByRole('button', { name: 'Show full reason' })
    expect(more).toHaveAttribute('aria-expanded', 'false')
    await userEvent.click(more)
    expect(longRow).toHaveTextContent(long)
    expect(within(longRow).getByRole('button', { name: 'Show less' })).toHaveAttribute(
      'aria-expanded',
      'true',
    )
  })

  it('follows the Down link in the docs’ repicaTaskSessions spelling too', async () => {
    em.context.config.taskPathSpelling = 'repicaTaskSessions'
    const { tasks } = storedLinks(em.context, session)
    renderAt(`/sessions/${session.id}`)
    const table = await taskTable()
    expect(within(table).getAllByRole('row')).toHaveLength(tasks.length + 1)
    expect(em.requests.some((request) => request.includes('/repicaTaskSessions'))).toBe(true)
  })

  it('sorts on a header click, in the URL, replacing the history entry', async () => {
    const { tasks } = storedLinks(em.context, session)
    const { router } = renderAt(`/sessions/${session.id}`)
    const table = await taskTable()
    expect(within(table).getByRole('columnheader', { name: /Result/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    )
    const entries = router.history.length

    await userEvent.click(within(table).getByRole('button', { name: /Total size/ }))
    await waitFor(() => expect(router.state.location.search).toEqual({ sort: 'size.desc' }))
    expect(router.history.length).toBe(entries)
    const header = within(table).getByRole('columnheader', { name: /Total size/ })
    expect(header).toHaveAttribute('aria-sort', 'descending')
    const biggest = tasks.reduce((max, task) => (task.totalSize > max.totalSize ? task : max))
    const first = within(table).getAllByRole('row')[1]
    expect(first).toHaveTextContent(biggest.vmName)

    await userEvent.click(within(table).getByRole('button', { name: /Total size/ }))
    await waitFor(() => expect(router.state.location.search).toEqual({ sort: 'size.asc' }))
  })

  it('shows a running session as live, with its progress', async () => {
    const [running] = storedSessions(
      em.context,
      (stored) => ['Working', 'Starting'].includes(stored.state),
      1,
    )
    if (!running) throw new Error('the emulator has no running session')
    renderAt(`/sessions/${running.id}`)
    expect(
      await screen.findByText(/Running: refreshed every 5 s/, {}, { timeout: 10_000 }),
    ).toBeInTheDocument()
    expect(screen.getByRole('progressbar', { name: 'Session progress' })).toBeInTheDocument()
    expect(screen.getByText('Still running')).toBeInTheDocument()
  })
})
