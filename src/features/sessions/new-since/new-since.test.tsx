// "New since you last looked" against the emulator: which rows are marked and what the line counts come from
// the emulator's own records, not from the app's parser.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { formatUtc } from '@/lib/format-time.ts'
import { renderAt } from '@/test/render-at.tsx'
import { signedInEmulator } from '@/test/signed-in-emulator.ts'

const em = signedInEmulator()

const FAILURES = new Set(['Failed', 'Warning'])

/** The emulator's finished failures, newest start first, with their end in epoch ms. */
function failures() {
  return em.context.store.sessions
    .filter((session) => FAILURES.has(session.result) && session.endTime !== null)
    .map((session) => ({
      id: session.id,
      end: Math.floor((session.endTime ?? 0) / 1000),
      start: session.creationTime,
    }))
    .sort((a, b) => b.start - a.start)
}

async function rows(): Promise<HTMLElement[]> {
  const table = await screen.findByRole('table', { name: /Replica job sessions/ }, { timeout: 5000 })
  await within(table).findAllByRole('link', {}, { timeout: 5000 })
  return within(table).getAllByRole('row').slice(1)
}

function idOf(row: HTMLElement): string {
  return within(row).getByRole('link').getAttribute('href')?.replace('/sessions/', '') ?? ''
}

describe('new since you last looked', { timeout: 20_000 }, () => {
  it('marks the failures that ended after the last visit, not older ones, and counts them all', async () => {
    // The last visit: when the sixth newest failure was the newest EM had, so the list holds both kinds.
    const sixth = failures()[5]
    if (!sixth) throw new Error('the emulator has fewer than six failures')
    const since = sixth.end
    localStorage.setItem('dashboard.explorer.lastSeen', JSON.stringify({ at: since + 60_000, after: since }))
    const { router } = renderAt('/sessions?result=%5B%22Failed%22%2C%22Warning%22%5D')

    const shown = await rows()
    const endOf = new Map(failures().map((failure) => [failure.id, failure.end]))
    const marked = shown.filter((row) => within(row).queryByText('New'))
    const expected = shown.filter((row) => (endOf.get(idOf(row)) ?? 0) > since)
    expect(expected.length).toBeGreaterThan(0)
    expect(expected.length).toBeLessThan(shown.length)
    expect(marked.map(idOf)).toEqual(expected.map(idOf))

    const total = failures().filter((failure) => failure.end > since).length
    const line = await screen.findByText(`${total} new ${total === 1 ? 'failure' : 'failures'}`)
    const status = line.closest('p')
    if (!status) throw new Error('no line')
    // The line names when the user looked, by this browser's clock.
    expect(within(status).getByRole('time')).toHaveAttribute('datetime', formatUtc(since + 60_000))

    await userEvent.click(within(status).getByRole('button', { name: 'Show them' }))
    await waitFor(() =>
      expect(router.state.location.search).toEqual({
        result: ['Failed', 'Warning'],
        endedFrom: formatUtc(since + 1),
      }),
    )
    await userEvent.click(screen.getByRole('button', { name: 'Mark all as seen' }))
    await waitFor(() => expect(screen.queryByText(/new failures?$/)).not.toBeInTheDocument())
    expect(within(screen.getByRole('table', { name: /Replica job sessions/ })).queryAllByText('New')).toEqual(
      [],
    )
  })

  it('a first visit marks nothing, and leaving remembers when the list was seen', async () => {
    const view = renderAt('/sessions?result=Failed')
    const shown = await rows()
    expect(shown.length).toBeGreaterThan(0)
    expect(within(screen.getByRole('table', { name: /Replica job sessions/ })).queryAllByText('New')).toEqual(
      [],
    )
    expect(screen.queryByRole('button', { name: 'Show them' })).not.toBeInTheDocument()
    const before = Date.now()
    view.unmount()
    const lastSeen = JSON.parse(localStorage.getItem('dashboard.explorer.lastSeen') ?? 'null')
    expect(lastSeen.at).toBeGreaterThanOrEqual(before)
    // What EM had reported by then: its newest failure's end.
    expect(lastSeen.after).toBe(Math.max(...failures().map((failure) => failure.end)))
  })

  it('records the newest failure EM reported as soon as EM answers, while the list is on screen', async () => {
    renderAt('/sessions?result=Failed')
    await rows()
    const newestEnd = Math.max(...failures().map((failure) => failure.end))
    await waitFor(() =>
      expect(JSON.parse(localStorage.getItem('dashboard.explorer.lastSeen') ?? 'null')?.after).toBe(
        newestEnd,
      ),
    )
  })
})
