import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { HttpResponse, http } from 'msw'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { clearEmSession, getEmSession } from '@/em/session-token.ts'
import { type EmTestServer, startEmTestServer } from '@/test/em-server.ts'
import { renderAt } from '@/test/render-at.tsx'

let em: EmTestServer

beforeAll(() => {
  em = startEmTestServer({
    users: 'admin:admin,CORP\\operator:op-pass:vm-restore-operator,viewer:viewer:portal-user',
  })
})
afterEach(() => {
  em.resetHandlers()
  clearEmSession()
})
afterAll(() => em.close())

async function signIn(user: string, password: string) {
  const events = userEvent.setup()
  await events.type(await screen.findByLabelText('User name'), user)
  await events.type(screen.getByLabelText('Password'), password)
  await events.click(screen.getByRole('button', { name: 'Sign in' }))
}

describe('sign-in', () => {
  it('shows the EM it talks to and the demo account only for the emulator', async () => {
    renderAt('/sign-in')
    expect(await screen.findByText('embedded emulator')).toBeInTheDocument()
    expect(screen.getByText(/Demo: this dashboard talks to the embedded EM emulator/)).toBeInTheDocument()
  })

  it('offers no demo account in front of a real EM', async () => {
    em.use(
      http.get('*/dashboard-config.json', () =>
        HttpResponse.json({ emHost: 'em.example.com:9398', emulator: false, version: 'test' }),
      ),
    )
    renderAt('/sign-in')
    expect(await screen.findByText('em.example.com:9398')).toBeInTheDocument()
    expect(screen.queryByText(/Demo:/)).toBeNull()
  })

  it('says so on a wrong password (401) and stores nothing', async () => {
    renderAt('/sign-in')
    await signIn('admin', 'wrong')
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong user name or password')
    expect(getEmSession()).toBeNull()
  })

  it('says to wait when the proxy throttles sign-in (429), and stores nothing', async () => {
    em.use(
      http.post('*/api/sessionMngr/', () =>
        HttpResponse.json(
          { error: 'too_many_attempts', message: 'Too many sign-in attempts' },
          { status: 429, headers: { 'Retry-After': '8' } },
        ),
      ),
    )
    renderAt('/sign-in')
    await signIn('admin', 'admin')
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many sign-in attempts from this computer or for this user name',
    )
    expect(getEmSession()).toBeNull()
  })

  it("tells a Restore Operator, from EM's 403 on replica sessions, which roles to ask for", async () => {
    renderAt('/sign-in')
    await signIn('CORP\\operator', 'op-pass')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(
      'This account may not read replica sessions (Restore Operator). Ask for the Enterprise Manager role Portal User or Portal Administrator.',
    )
    expect(getEmSession()).toBeNull()
    // Learned from EM's answer, not from the name: the probe read replica sessions, and the logon was undone.
    expect(em.requests).toContain('GET /api/query?type=ReplicaJobSession&format=References&pageSize=1')
    expect(em.requests.at(-1)).toMatch(/^DELETE \/api\/logonSessions\//)
  })

  it('signs a Portal User in, although EM refuses that role the jobs (em-api.md §10)', async () => {
    const { router } = renderAt('/sign-in')
    await signIn('viewer', 'viewer')
    await waitFor(() => expect(getEmSession()?.userName).toBe('viewer'))
    await waitFor(() => expect(router.state.location.pathname).toBe('/sessions'))
  })

  it('says EM is unreachable when the proxy answers 502', async () => {
    em.use(
      http.post('*/api/sessionMngr/', () =>
        HttpResponse.json(
          { error: 'unreachable', host: 'em.example.com:9398', message: 'Cannot reach Enterprise Manager' },
          { status: 502 },
        ),
      ),
    )
    renderAt('/sign-in')
    await signIn('admin', 'admin')
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Cannot reach Enterprise Manager at em.example.com:9398',
    )
  })

  it('comes back to the requested URL after signing in, keeping the token only in sessionStorage', async () => {
    const { router } = renderAt('/sessions?result=%5B%22Failed%22%5D')
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'))
    await signIn('admin', 'admin')
    await waitFor(() => expect(router.state.location.pathname).toBe('/sessions'))
    expect(router.state.location.searchStr).toContain('Failed')
    const stored = sessionStorage.getItem('em.session') ?? ''
    expect(stored).toContain(getEmSession()?.token ?? 'no token')
    expect(JSON.stringify({ ...localStorage })).not.toContain(getEmSession()?.token ?? 'no token')
    // The password is never stored: the session holds exactly these fields.
    expect(Object.keys(JSON.parse(stored)).sort()).toEqual(['logoutPath', 'sessionId', 'token', 'userName'])
  })
})
