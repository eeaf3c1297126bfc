// The column chooser against the real explorer: TanStack's visibility and order state, kept per browser.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { renderAt } from '@/test/render-at.tsx'
import { signedInEmulator } from '@/test/signed-in-emulator.ts'

signedInEmulator()

async function headers(): Promise<string[]> {
  const table = await screen.findByRole('table', { name: /Replica job sessions/ }, { timeout: 5000 })
  return within(table)
    .getAllByRole('columnheader')
    .map((header) => header.textContent?.replace(/[↕▲▼]/g, '').trim() ?? '')
}

function firstRowCells(): number {
  const table = screen.getByRole('table', { name: /Replica job sessions/ })
  return within(within(table).getAllByRole('row')[1] ?? table).getAllByRole('cell').length
}

const DEFAULT = [
  'Job',
  'State',
  'Result',
  'Backup server',
  'Started',
  'Ended',
  'Duration',
  'Progress',
  'Retry',
  'Actions',
]

describe('column chooser', { timeout: 20_000 }, () => {
  it('starts without Session name, which only repeats Job and Started', async () => {
    renderAt('/sessions')
    expect(await headers()).toEqual(DEFAULT)
    await within(screen.getByRole('table', { name: /Replica job sessions/ })).findAllByRole('link')
    expect(firstRowCells()).toBe(DEFAULT.length)
  })

  it('shows, hides and moves columns, keeps the choice in this browser, and resets it', async () => {
    const first = renderAt('/sessions')
    await headers()
    await userEvent.click(screen.getByRole('button', { name: 'Columns' }))
    const chooser = screen.getByRole('dialog', { name: 'Columns' })
    expect(within(chooser).getByRole('checkbox', { name: /Job/ })).toBeDisabled()

    await userEvent.click(within(chooser).getByRole('checkbox', { name: 'Session name' }))
    await userEvent.click(within(chooser).getByRole('checkbox', { name: 'Progress' }))
    await userEvent.click(within(chooser).getByRole('button', { name: 'Move Result left' }))
    const chosen = [
      'Job',
      'Result',
      'State',
      'Backup server',
      'Started',
      'Ended',
      'Duration',
      'Retry',
      'Actions',
      'Session name',
    ]
    await waitFor(async () => expect(await headers()).toEqual(chosen))
    expect(firstRowCells()).toBe(chosen.length)
    // The URL says what is shown, not how: a shared link opens in the receiver's own columns.
    expect(first.router.state.location.search).toEqual({})
    expect(JSON.parse(localStorage.getItem('dashboard.explorer.columns') ?? 'null')).toMatchObject({
      visibility: { Name: true, Progress: false },
    })

    first.unmount()
    renderAt('/sessions')
    expect(await headers()).toEqual(chosen)
    await userEvent.click(screen.getByRole('button', { name: 'Columns' }))
    await userEvent.click(
      within(screen.getByRole('dialog', { name: 'Columns' })).getByRole('button', { name: 'Reset columns' }),
    )
    await waitFor(async () => expect(await headers()).toEqual(DEFAULT))
    expect(localStorage.getItem('dashboard.explorer.columns')).toBeNull()
  })

  it('density is kept per browser too', async () => {
    renderAt('/sessions')
    await headers()
    const toggle = screen.getByRole('button', { name: 'Compact rows' })
    expect(toggle).toHaveAttribute('aria-pressed', 'false')
    await userEvent.click(toggle)
    expect(toggle).toHaveAttribute('aria-pressed', 'true')
    expect(screen.getByRole('table', { name: /Replica job sessions/ })).toHaveClass('grid-table--compact')
    expect(localStorage.getItem('dashboard.density')).toBe('compact')
  })
})
