import type { Plugin } from 'vite'

/** Vite plugin that will mount the EM proxy in dev and preview; inert until the proxy core lands. */
export function emProxyPlugin(): Plugin {
  return { name: 'em-proxy' }
}
