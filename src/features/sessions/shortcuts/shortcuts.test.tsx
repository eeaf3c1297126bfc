// The explorer's keys against the real app: `/`, `j`, `k`, Enter and `?`, none of them while typing.
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, describe, expect, it } from 'vitest'
import { renderAt } from '@/test/render-at.tsx'
import { signedInEmulator } from '@/test/signed-in-emulator.ts'

signedInEmulator()

beforeAll(() => {
  // jsdom has <dialog> but not its methods.
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '')
  }
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open')
    this.dispatchEvent(new Event('close'))
  }
})

async function rowLinks(): Promise<HTMLElement[]> {
  const table = await screen.findByRole('table', { name: /Replica job sessions/ }, { timeout: 5000 })
  return within(table).findAllByRole('link', {}, { timeout: 5000 })
}

describe('keyboard shortcuts', { timeout: 20_000 }, () => {
  it('j and k move through the rows, Enter opens the focused one', async () => {
    const { router } = renderAt('/sessions')
    const links = await rowLinks()
    await userEvent.keyboard('j')
    expect(links[0]).toHaveFocus()
    await userEvent.keyboard('jj')
    expect(links[2]).toHaveFocus()
    await userEvent.keyboard('k')
    expect(links[1]).toHaveFocus()
    await userEvent.keyboard('{Enter}')
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(links[1]?.getAttribute('href') ?? 'missing'),
    )
  })

  it('/ goes to the filter bar, and no shortcut fires while typing there', async () => {
    const { router } = renderAt('/sessions')
    const links = await rowLinks()
    await userEvent.keyboard('/')
    const field = screen.getByLabelText('Advanced filter (EM syntax)')
    await waitFor(() => expect(field).toHaveFocus())
    await userEvent.keyboard('jk?/')
    expect(field).toHaveValue('jk?/')
    expect(links[0]).not.toHaveFocus()
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).not.toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/sessions')
  })

  it('? lists every shortcut, and a modifier key leaves the browser its own shortcut', async () => {
    renderAt('/sessions')
    await rowLinks()
    fireEvent.keyDown(window, { key: 'j', ctrlKey: true })
    expect(document.activeElement).toBe(document.body)
    await userEvent.keyboard('?')
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' })
    for (const key of ['/', 'j', 'k', 'Enter', '?'])
      expect(within(dialog).getByText(key, { selector: 'kbd' })).toBeInTheDocument()
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }))
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).not.toBeInTheDocument()
  })
})
