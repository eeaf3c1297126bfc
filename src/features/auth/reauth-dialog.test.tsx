// The re-sign-in dialog renews the session of a signed-in tab whose EM session ended; it never shows where there
// is no session to renew (signed out, or never signed in): the sign-in page is the place to sign in then.
import { fireEvent, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { act } from 'react'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { clearEmSession } from '@/em/session-token.ts'
import { type EmTestServer, signInToEm, startEmTestServer } from '@/test/em-server.ts'
import { renderAt } from '@/test/render-at.tsx'
import { closeReauth, requestReauth } from './reauth-store.ts'

let em: EmTestServer

beforeAll(() => {
  em = startEmTestServer()
  // jsdom has <dialog> but not its modal methods.
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.open = true
  }
  HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
    this.open = false
  }
})
afterEach(() => {
  act(() => closeReauth())
  clearEmSession()
  em.resetHandlers()
})
afterAll(() => em.close())

const DIALOG = { name: 'Your Enterprise Manager session ended' }

describe('re-sign-in dialog', () => {
  it('does not show on the sign-in page, where there is no session to renew', async () => {
    act(() => requestReauth())
    renderAt('/sign-in')
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument()
    expect(screen.queryByRole('dialog', DIALOG)).toBeNull()
  })

  it('closes on sign-out, and signing in again does not bring it back', async () => {
    await signInToEm()
    const { router } = renderAt('/sessions')
    const signOut = await screen.findByRole('button', { name: 'Sign out' }, { timeout: 10_000 })
    act(() => requestReauth())
    expect(await screen.findByRole('dialog', DIALOG)).toBeInTheDocument()
    // A modal makes the page inert in a browser; jsdom does not, which stands in for any other way out.
    fireEvent.click(signOut)
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'))
    expect(screen.queryByRole('dialog', DIALOG)).toBeNull()

    await userEvent.type(screen.getByLabelText('User name'), 'admin')
    await userEvent.type(screen.getByLabelText('Password'), 'admin')
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/sessions'), { timeout: 10_000 })
    expect(screen.queryByRole('dialog', DIALOG)).toBeNull()
  })
})
