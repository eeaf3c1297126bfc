// The set-up most screen tests share: the emulator behind MSW for the whole file, a signed-in EM session before
// each test, handlers reset after it, and a layout jsdom lacks, so the tables' virtualizers render rows.
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { type EmTestServer, signInToEm, startEmTestServer } from './em-server.ts'

/** jsdom has no layout: every element measures 1200 × 600, so a virtualized table has rows to render. */
export function stubDeskLayout(): void {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 })
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 })
}

/**
 * Registers the file's hooks (call it at the top level, before the file's own hooks, which then run after these)
 * and returns the server, usable from the first beforeAll on. `signIn: false` leaves signing in to the tests.
 */
export function signedInEmulator(
  options: Parameters<typeof startEmTestServer>[0] & { signIn?: boolean } = {},
): EmTestServer {
  const { signIn = true, ...serverOptions } = options
  let server: EmTestServer | undefined
  const started = (): EmTestServer => {
    if (!server) throw new Error('The emulator starts in beforeAll: use it from a hook or a test.')
    return server
  }
  beforeAll(() => {
    server = startEmTestServer(serverOptions)
    stubDeskLayout()
  })
  if (signIn) beforeEach(() => signInToEm())
  afterEach(() => server?.resetHandlers())
  afterAll(() => server?.close())
  // The file's `em` is this stand-in, so its tests read `em.context` as before, once the server has started.
  return new Proxy({} as EmTestServer, { get: (_target, key) => Reflect.get(started(), key) })
}
