import type { Plugin } from 'vite'
import { createEmProxy, type EmProxyOptions } from './em-proxy.ts'

/** Mounts the EM proxy ahead of Vite's own middlewares in dev (`vite`) and preview (`vite preview`), and stops it when the server closes; `env` and `log` default to the process's (tests pass their own). */
export function emProxyPlugin(options: Pick<EmProxyOptions, 'env' | 'log'> = {}): Plugin {
  return {
    name: 'em-proxy',
    // Vite's default CORS lets pages on other localhost ports read every answer, /api included; the app is
    // same-origin and grants no other origin anything (README "Security").
    config: () => ({ server: { cors: false }, preview: { cors: false } }),
    async configureServer(server) {
      const proxy = await createEmProxy({ ...options, contentSecurityPolicy: false, observeRequests: false })
      server.middlewares.use(proxy.middleware)
      // In middleware mode there is no httpServer; the emulator then ends with the process (child-shutdown.ts).
      server.httpServer?.once('close', () => void proxy.close())
    },
    async configurePreviewServer(server) {
      const proxy = await createEmProxy({ ...options, contentSecurityPolicy: true })
      server.middlewares.use(proxy.middleware)
      server.httpServer.once('close', () => void proxy.close())
    },
  }
}
