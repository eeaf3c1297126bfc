// The grid's rows are memoised: a render of the screen that changes nothing in a row (a refresh bringing the same
// sessions, counts arriving) does not render the row again. Counted through the rows' state and result badges.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { renderAt } from '@/test/render-at.tsx'
import { signedInEmulator } from '@/test/signed-in-emulator.ts'

const badgeRenders = vi.hoisted(() => ({ count: 0 }))

vi.mock('@/components/status-badge.tsx', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/components/status-badge.tsx')>()
  return {
    ...real,
    StatusBadge: (props: Parameters<typeof real.StatusBadge>[0]) => {
      badgeRenders.count += 1
      return real.StatusBadge(props)
    },
  }
})

const em = signedInEmulator()

describe('sessions grid', { timeout: 20_000 }, () => {
  it('renders no row again when a refresh brings the same sessions', async () => {
    // Finished sessions only: a running one's progress may move between two answers.
    renderAt('/sessions?result=Failed&size=25')
    const table = await screen.findByRole('table', { name: /Replica job sessions/ }, { timeout: 5000 })
    await waitFor(() => expect(table).toHaveAttribute('aria-busy', 'false'), { timeout: 5000 })
    const summary = screen.getByRole('region', { name: 'Summary of the filtered sessions' })
    await waitFor(() => expect(within(summary).queryByText('…')).toBeNull())
    const rows = within(table).getAllByRole('row').length - 1
    expect(rows).toBeGreaterThan(0)
    const before = badgeRenders.count
    expect(before).toBeGreaterThanOrEqual(rows * 2)

    const asked = em.requests.length
    await userEvent.click(screen.getByRole('button', { name: 'Refresh now' }))
    // The page was asked again and its answer is in: the button says so.
    await waitFor(() =>
      expect(em.requests.slice(asked).some((url) => url.includes('pageSize=25'))).toBe(true),
    )
    await screen.findByRole('button', { name: 'Refresh now' }, { timeout: 5000 })
    await waitFor(() => expect(table).toHaveAttribute('aria-busy', 'false'))
    expect(within(table).getAllByRole('row')).toHaveLength(rows + 1)
    expect(badgeRenders.count).toBe(before)
  })
})
