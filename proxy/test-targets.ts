// The two real ways the proxy is served, for tests that attack it over raw sockets: `npm run serve`'s server
// (serve.ts) and `vite preview` with the proxy's Vite plugin. Both run a small built app from a temporary dist/.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { preview } from 'vite'
import type { ProxyLog } from './em-proxy.ts'
import { serve } from './serve.ts'
import { emProxyPlugin } from './vite-plugin.ts'

export type Target = { port: number; close(): Promise<void> }

export type TargetOptions = {
  env: Readonly<Record<string, string | undefined>>
  log: ProxyLog
}

function tempDist(): { root: string; dist: string } {
  const root = mkdtempSync(join(tmpdir(), 'em-target-'))
  const dist = join(root, 'dist')
  mkdirSync(dist)
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>')
  return { root, dist }
}

/** `npm run serve`'s server (serve.ts) on a free loopback port. */
export async function startServeTarget(options: TargetOptions): Promise<Target> {
  const { root, dist } = tempDist()
  const removeRoot = () => rmSync(root, { recursive: true, force: true })
  const running = await serve({
    root: dist,
    host: '127.0.0.1',
    port: 0,
    env: options.env,
    log: options.log,
  }).catch((error: unknown) => {
    removeRoot()
    throw error
  })
  return {
    port: Number(new URL(running.url).port),
    close: async () => {
      await running.close()
      removeRoot()
    },
  }
}

/** `vite preview` with the proxy mounted by its Vite plugin (vite-plugin.ts), as vite.config.ts does. */
export async function startPreviewTarget(options: TargetOptions): Promise<Target> {
  const { root } = tempDist()
  const removeRoot = () => rmSync(root, { recursive: true, force: true })
  const server = await preview({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [emProxyPlugin({ env: options.env, log: options.log })],
    preview: { host: '127.0.0.1', port: 0, strictPort: true },
  }).catch((error: unknown) => {
    removeRoot()
    throw error
  })
  const { httpServer } = server
  const address = httpServer.address()
  if (address === null || typeof address === 'string')
    throw new Error('vite preview is not listening on a port')
  return {
    port: address.port,
    close: async () => {
      if ('closeAllConnections' in httpServer) httpServer.closeAllConnections()
      await server.close()
      removeRoot()
    },
  }
}

/** Both entries, for `describe.each`: every attack is tried against each. */
export const targets: ReadonlyArray<[string, (options: TargetOptions) => Promise<Target>]> = [
  ['npm run serve', startServeTarget],
  ['vite preview', startPreviewTarget],
]
