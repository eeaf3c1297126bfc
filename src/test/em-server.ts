// Integration tests answer /api in-process with the emulator's own handle() (STYLE §3.10), through an MSW
// catch-all that errors on anything unhandled. Only src/test/ may reach into emulator/.
import { HttpResponse, http } from 'msw'
import { type SetupServerApi, setupServer } from 'msw/node'
import { logon } from '@/em/logon.ts'
import { setEmSession } from '@/em/session-token.ts'
import { advanceClock } from '../../emulator/control/clock.ts'
import { parseUsers } from '../../emulator/handlers/accounts.ts'
import { createEmContext, type EmContext } from '../../emulator/handlers/context.ts'
import { handle } from '../../emulator/handlers/handle.ts'

/** What one request to the stand-in kiosk proxy carried. */
export interface KioskRequest {
  url: string
  key: string | null
  refresh: string | null
  token: string | null
}

export interface EmTestServer {
  context: EmContext
  requests: string[]
  /** Prepends handlers for one test (reset with resetHandlers), e.g. a 502 from the proxy. */
  use: SetupServerApi['use']
  /**
   * Answers requests that carry X-Kiosk-Key as the proxy's kiosk mode does (until resetHandlers): the right key
   * reads the emulator through a session of the proxy's own, any other gets 403; `ageSeconds` is the X-Kiosk-Age
   * its answers carry (as from a shared copy that old). Returns what each request carried.
   */
  kioskProxy(key: string, options?: { ageSeconds?: number }): KioskRequest[]
  resetHandlers(): void
  close(): void
  /** Moves the emulator's clock forward: that much of job runs happens before its next answer. */
  advanceClock(seconds: number): void
}

/** Starts MSW with the emulator behind /api and /dashboard-config.json; call close() in afterAll. */
export function startEmTestServer(
  options: { seed?: number; sessions?: number; users?: string } = {},
): EmTestServer {
  const context = createEmContext({
    seed: options.seed ?? 7,
    sessions: options.sessions ?? 600,
    ...(options.users ? { users: parseUsers(options.users) } : {}),
  })
  const requests: string[] = []
  const server = setupServer(
    http.get('*/dashboard-config.json', () =>
      HttpResponse.json({ emHost: 'embedded emulator', emulator: true, version: 'test' }),
    ),
    http.all('*/api/*', async ({ request }) => {
      const url = new URL(request.url)
      const rawPath = url.pathname + url.search
      requests.push(`${request.method} ${rawPath}`)
      const headers: Record<string, string> = {}
      request.headers.forEach((value, key) => {
        headers[key.toLowerCase()] = value
      })
      const response = handle({ method: request.method, rawPath, headers }, context)
      // EM's cookie never reaches the browser through the real proxy; the test server mirrors that.
      const { 'set-cookie': _dropped, ...responseHeaders } = lowerKeys(response.headers)
      return new HttpResponse(new Uint8Array(response.body), {
        status: response.status,
        headers: responseHeaders,
      })
    }),
  )
  server.listen({ onUnhandledRequest: 'error' })

  function kioskProxy(key: string, options: { ageSeconds?: number } = {}): KioskRequest[] {
    const seen: KioskRequest[] = []
    const logon = handle(
      {
        method: 'POST',
        rawPath: '/api/sessionMngr/?v=latest',
        headers: { authorization: `Basic ${btoa('admin:admin')}` },
      },
      context,
    )
    const proxyToken = lowerKeys(logon.headers)['x-restsvcsessionid'] ?? ''
    server.use(
      http.all('*/api/*', ({ request }) => {
        const given = request.headers.get('x-kiosk-key')
        seen.push({
          url: request.url,
          key: given,
          refresh: request.headers.get('x-refresh-interval'),
          token: request.headers.get('x-restsvcsessionid'),
        })
        if (given === null) return undefined
        if (given !== key) {
          return HttpResponse.json(
            { error: 'forbidden', message: 'Wrong or missing kiosk key' },
            { status: 403 },
          )
        }
        const url = new URL(request.url)
        const accept = request.headers.get('accept') ?? 'application/xml'
        const response = handle(
          {
            method: 'GET',
            rawPath: url.pathname + url.search,
            headers: { accept, 'x-restsvcsessionid': proxyToken },
          },
          context,
        )
        return new HttpResponse(new Uint8Array(response.body), {
          status: response.status,
          headers: {
            'content-type': lowerKeys(response.headers)['content-type'] ?? 'application/xml',
            'x-kiosk-age': String(options.ageSeconds ?? 0),
          },
        })
      }),
    )
    return seen
  }

  return {
    context,
    requests,
    kioskProxy,
    use: (...handlers) => server.use(...handlers),
    resetHandlers: () => server.resetHandlers(),
    close: () => server.close(),
    advanceClock: (seconds) => advanceClock(context, seconds * 1000),
  }
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))
}

/** Signs in to the test server as a user of the app would, and keeps the session where the app reads it. */
export async function signInToEm(user = 'admin', password = 'admin'): Promise<void> {
  const { token, session } = await logon(user, password, 'xml')
  setEmSession({
    token,
    sessionId: session.sessionId,
    userName: session.userName,
    logoutPath: session.logoutPath,
  })
}
