// Filter controls that check their input before it reaches the URL, time ranges typed in local time, and the
// CSV export of everything the filter matches — each against the emulator's own handle().
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { emGet } from '@/em/em-get.ts'
import { parseRefsPage } from '@/em/parse-refs.ts'
import { buildQueryPath } from '@/em/session-query-path.ts'
import { formatUtc, localZoneName } from '@/lib/format-time.ts'
import { addFilter } from '@/test/filter-bar.ts'
import { renderAt } from '@/test/render-at.tsx'
import { signedInEmulator } from '@/test/signed-in-emulator.ts'

const em = signedInEmulator()

afterEach(() => {
  em.resetHandlers()
  vi.restoreAllMocks()
})

async function ready() {
  await screen.findByRole('table', { name: /Replica job sessions/ }, { timeout: 5000 })
}

describe('filter controls', { timeout: 20_000 }, () => {
  it('a UID that is not one is refused with a message, a bare GUID is stored as EM’s urn', async () => {
    const { router } = renderAt('/sessions')
    await ready()
    await addFilter('Job UID')
    const field = screen.getByLabelText('Job UID')
    await userEvent.type(field, 'not-a-guid{Enter}')
    expect(await screen.findByText('Expected urn:veeam:Job:<GUID> or a bare GUID')).toBeInTheDocument()
    expect(field).toHaveAttribute('aria-invalid', 'true')
    expect(field).toHaveAccessibleDescription('Expected urn:veeam:Job:<GUID> or a bare GUID')
    expect(router.state.location.search).not.toHaveProperty('jobUid')

    await userEvent.clear(field)
    await userEvent.type(field, '2C49A44E-1E59-4527-A6BC-6B2F9B579EE1{Enter}')
    await waitFor(() =>
      expect(router.state.location.search).toMatchObject({
        jobUid: 'urn:veeam:Job:2c49a44e-1e59-4527-a6bc-6b2f9b579ee1',
      }),
    )
    expect(field).not.toHaveAttribute('aria-invalid')
  })

  it('the advanced filter points at a mistake and only a valid expression reaches the URL', async () => {
    const { router } = renderAt('/sessions')
    await ready()
    const field = screen.getByLabelText('Advanced filter (EM syntax)')
    await userEvent.type(field, 'Result==Faild{Enter}')
    const problem = await screen.findByText(/at character/)
    expect(problem).toHaveTextContent('Faild')
    expect(within(problem).getByRole('code')).toHaveTextContent('Result==Faild')
    expect(router.state.location.search).not.toHaveProperty('q')

    await userEvent.clear(field)
    await userEvent.type(field, 'Result==Failed,IsRetry==true{Enter}')
    await waitFor(() =>
      expect(router.state.location.search).toMatchObject({ q: 'Result==Failed,IsRetry==true' }),
    )
    expect(screen.getByRole('region', { name: 'EM query' })).toHaveTextContent(
      '(Result==Failed,IsRetry==true)',
    )
  })

  it('a custom start range is typed in local time, named, and sent in UTC', async () => {
    const { router } = renderAt('/sessions')
    await ready()
    await addFilter('Started')
    await userEvent.selectOptions(screen.getByLabelText('Started: period'), 'custom')
    const from = screen.getByLabelText(`From (${localZoneName()})`)
    fireEvent.change(from, { target: { value: '2025-10-01T06:30' } })
    const expected = formatUtc(new Date(2025, 9, 1, 6, 30).getTime())
    await waitFor(() => expect(router.state.location.search).toMatchObject({ createdFrom: expected }))
    expect(screen.getByLabelText('Started: period')).toHaveValue('custom')
    expect(from).toHaveValue('2025-10-01T06:30')

    await userEvent.selectOptions(screen.getByLabelText('Started: period'), '24h')
    await waitFor(() => expect(router.state.location.search).toMatchObject({ created: '24h' }))
    expect(router.state.location.search).not.toHaveProperty('createdFrom')
  })

  it('shows each active filter as a chip; the full panel opens on demand without touching the URL', async () => {
    const { router } = renderAt('/sessions?result=Failed&created=7d&sort=Name.asc&size=25')
    const chips = await screen.findByRole('list', { name: 'Active filters' }, { timeout: 5000 })
    expect(
      within(chips)
        .getAllByRole('listitem')
        .map((chip) => chip.textContent),
    ).toEqual(['Result: Failed×', 'Started: last 7 days×'])
    expect(screen.queryByLabelText('Session name')).not.toBeInTheDocument()
    const toggle = screen.getByRole('button', { name: 'All filters' })
    await userEvent.click(toggle)
    expect(toggle).toHaveAttribute('aria-expanded', 'true')
    expect(screen.getByLabelText('Session name')).toBeVisible()
    expect(screen.getByRole('checkbox', { name: 'Failed' })).toBeChecked()
    const url = { result: ['Failed'], created: '7d', sort: 'Name.asc', size: 25 }
    expect(router.state.location.search).toEqual(url)
    await userEvent.click(toggle)
    expect(screen.queryByLabelText('Session name')).not.toBeInTheDocument()
    expect(router.state.location.search).toEqual(url)
  })

  it('a chip’s × removes just that filter; editing a chip changes it in place', async () => {
    // Page 3 is past the end of this filter: the bar stays usable beside the empty state.
    const { router } = renderAt('/sessions?result=Failed&created=7d&page=3')
    const remove = await screen.findByRole(
      'button',
      { name: 'Remove filter Started: last 7 days' },
      { timeout: 5000 },
    )
    await userEvent.click(remove)
    await waitFor(() => expect(router.state.location.search).toEqual({ result: ['Failed'] }))
    expect(screen.getByRole('button', { name: 'Add filter' })).toHaveFocus()

    await userEvent.click(screen.getByRole('button', { name: 'Result: Failed' }))
    const editor = screen.getByRole('dialog', { name: 'Filter: Result' })
    await userEvent.click(within(editor).getByRole('checkbox', { name: 'Warning' }))
    await waitFor(() => expect(router.state.location.search).toEqual({ result: ['Warning', 'Failed'] }))
    await userEvent.keyboard('{Escape}')
    expect(screen.queryByRole('dialog', { name: 'Filter: Result' })).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Result: Warning or Failed' })).toHaveFocus()
  })

  it('exports every session the filter matches as CSV, named after the filter', async () => {
    const saved: { name: string; blob: Blob }[] = []
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      if (blob instanceof Blob) saved.push({ name: '', blob })
      return 'blob:export'
    })
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      const last = saved.at(-1)
      if (last) last.name = this.download
    })
    renderAt('/sessions?result=Warning&size=25')
    await ready()
    await userEvent.click(screen.getByRole('button', { name: 'Export all (CSV)' }))
    await waitFor(() => expect(saved).toHaveLength(1))

    const path = buildQueryPath({
      filter: { results: ['Warning'] },
      page: 1,
      pageSize: 1,
      format: 'References',
    })
    const total = parseRefsPage(await emGet(path, { format: 'xml' })).paging.pagesCount
    const bytes = new Uint8Array((await saved[0]?.blob.arrayBuffer()) ?? new ArrayBuffer(0))
    // The UTF-8 byte order mark that makes Excel read the file as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = new TextDecoder().decode(bytes).trimEnd().split('\r\n')
    expect(lines[0]).toMatch(/^Session,Session UID,/)
    expect(lines).toHaveLength(total + 1)
    expect(lines.slice(1).every((line) => line.includes(',Warning,'))).toBe(true)
    expect(saved[0]?.name).toMatch(/^replica-sessions_result-Warning_all-pages_\d{8}-\d{4}\.csv$/)
  })
})
