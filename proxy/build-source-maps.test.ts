import { afterEach, describe, expect, it, vi } from 'vitest'

afterEach(() => {
  vi.unstubAllEnvs()
  vi.resetModules()
})

async function buildSourcemap(): Promise<unknown> {
  const { default: config } = await import('../vite.config.ts')
  return config.build?.sourcemap
}

// Each import of vite.config.ts loads Vite, React's plugin and the proxy afresh (2 s on a quiet machine; past
// Vitest's 5 s default with two cores busy).
describe('production builds', { timeout: 30_000 }, () => {
  it('publish no source maps unless BUILD_SOURCEMAPS=1 asks for them', async () => {
    vi.stubEnv('BUILD_SOURCEMAPS', undefined)
    expect(await buildSourcemap()).toBe(false)
    vi.resetModules()
    vi.stubEnv('BUILD_SOURCEMAPS', '1')
    expect(await buildSourcemap()).toBe(true)
  })
})
