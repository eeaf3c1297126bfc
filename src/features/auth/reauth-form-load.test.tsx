// The re-sign-in dialog's form is loaded apart from the page (initial JS, issue 18). When its code cannot be
// fetched (a deploy replaced the chunk, the network dropped), the dialog must still say what to do.
import { screen } from '@testing-library/react'
import { act } from 'react'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { type EmTestServer, signInToEm, startEmTestServer } from '@/test/em-server.ts'
import { renderAt } from '@/test/render-at.tsx'
import { requestReauth } from './reauth-store.ts'

vi.mock('./sign-in-form.tsx', () => {
  throw new Error('Failed to fetch dynamically imported module')
})

let em: EmTestServer

beforeAll(() => {
  em = startEmTestServer()
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.open = true
  }
})
afterAll(() => em.close())

describe('re-sign-in dialog whose form cannot load', () => {
  // Generous: it renders the whole explorer first, slow on a loaded machine.
  it('asks for a reload instead of going blank, and keeps the screen', { timeout: 20_000 }, async () => {
    await signInToEm()
    renderAt('/sessions')
    await screen.findByRole('button', { name: 'Sign out' }, { timeout: 10_000 })
    act(() => requestReauth())
    const dialog = await screen.findByRole('dialog', { name: 'Your Enterprise Manager session ended' })
    expect(await screen.findByRole('button', { name: 'Reload the page' })).toBeInTheDocument()
    expect(dialog).toHaveTextContent(/could not be loaded/)
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument()
  })
})
