import type { Plugin } from 'vite'
import { createEmProxy } from './em-proxy.ts'

/** Mounts the EM proxy ahead of Vite's own middlewares in dev (`vite`) and preview (`vite preview`), and stops it when the server closes. */
export function emProxyPlugin(): Plugin {
  return {
    name: 'em-proxy',
    async configureServer(server) {
      const proxy = await createEmProxy({ contentSecurityPolicy: false })
      server.middlewares.use(proxy.middleware)
      // In middleware mode there is no httpServer; the emulator then ends with the process (child-shutdown.ts).
      server.httpServer?.once('close', () => void proxy.close())
    },
    async configurePreviewServer(server) {
      const proxy = await createEmProxy({ contentSecurityPolicy: true })
      server.middlewares.use(proxy.middleware)
      server.httpServer.once('close', () => void proxy.close())
    },
  }
}
