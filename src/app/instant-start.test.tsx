// The instant start against the emulator: a second visit shows the first visit's rows at once, marked with their
// age, while EM is slow to answer, then EM's fresh rows.
import { screen, waitFor, within } from '@testing-library/react'
import { http } from 'msw'
import { describe, expect, it } from 'vitest'
import { createQueryClient } from '@/app/query-client.ts'
import { memoryCacheStore } from '@/test/memory-cache-store.ts'
import { renderAt } from '@/test/render-at.tsx'
import { signedInEmulator } from '@/test/signed-in-emulator.ts'
import { startQueryPersistence } from './query-persistence.ts'

const em = signedInEmulator()

const location = { pathname: '/sessions', hash: '' }
const rowLinks = () =>
  within(screen.getByRole('table', { name: /Replica job sessions/ }))
    .queryAllByRole('link')
    .map((link) => link.getAttribute('href'))

/** Moves every stored answer back in time, as if the visit that stored it was `minutes` ago. */
function age(store: ReturnType<typeof memoryCacheStore>, minutes: number) {
  for (const [key, value] of store.map) {
    const text = JSON.stringify(value).replace(/"(dataUpdatedAt|timestamp)":(\d+)/g, (_m, field, at) => {
      return `"${field}":${Number(at) - minutes * 60_000}`
    })
    store.map.set(key, JSON.parse(text))
  }
}

describe('the instant start', () => {
  it('shows the last visit’s rows at once with their age while EM is slow, then EM’s rows', async () => {
    const store = memoryCacheStore()
    const first = renderAt('/sessions')
    const saving = startQueryPersistence({ queryClient: first.queryClient, store, emHost: 'em', location })
    await waitFor(() => expect(rowLinks().length).toBeGreaterThan(5), { timeout: 15_000 })
    // Rows mount a few per task (sessions-grid.tsx): the table is busy until all of them are in.
    await waitFor(() =>
      expect(screen.getByRole('table', { name: /Replica job sessions/ })).toHaveAttribute(
        'aria-busy',
        'false',
      ),
    )
    const shownBefore = rowLinks()
    await waitFor(() => expect(store.map.size).toBe(1), { timeout: 4000 })
    saving.stop()
    first.unmount()
    age(store, 12)

    let answer: () => void = () => undefined
    const held = new Promise<undefined>((resolve) => {
      answer = () => resolve(undefined)
    })
    // EM takes its time over the session list; the request falls through to the emulator once released.
    em.use(http.get('*/api/query', () => held))
    const queryClient = createQueryClient({ retries: false })
    const restoring = startQueryPersistence({ queryClient, store, emHost: 'em', location })
    await restoring.ready
    renderAt('/sessions', queryClient)
    // The toolbar shows the age; "refreshing…" is for screen readers, beside the button that says so on screen.
    const note = await screen.findByText('From 12 min ago', {}, { timeout: 10_000 })
    expect(note).toHaveTextContent('From 12 min ago, refreshing…')
    // The rows render in a task of their own after the notice (explorer-body.tsx), so they get a moment; EM is still
    // held, so whatever rows show here can only have come from the store.
    await waitFor(() => expect(rowLinks()).toEqual(shownBefore), { timeout: 5000 })
    expect(screen.getByText('From 12 min ago')).toHaveTextContent('From 12 min ago, refreshing…')
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()

    answer()
    await waitFor(() => expect(screen.queryByText(/From 12 min ago/)).not.toBeInTheDocument(), {
      timeout: 15_000,
    })
    expect(screen.getByText(/Updated \d+ s ago/)).toBeInTheDocument()
    expect(rowLinks()).toEqual(shownBefore)
    restoring.stop()
  }, 90_000)
})
