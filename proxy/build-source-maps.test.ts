import { afterEach, describe, expect, it, vi } from 'vitest'

afterEach(() => {
  vi.unstubAllEnvs()
  vi.resetModules()
})

async function buildSourcemap(): Promise<unknown> {
  const { default: config } = await import('../vite.config.ts')
  return config.build?.sourcemap
}

describe('production builds', () => {
  it('publish no source maps unless BUILD_SOURCEMAPS=1 asks for them', async () => {
    vi.stubEnv('BUILD_SOURCEMAPS', undefined)
    expect(await buildSourcemap()).toBe(false)
    vi.resetModules()
    vi.stubEnv('BUILD_SOURCEMAPS', '1')
    expect(await buildSourcemap()).toBe(true)
  })
})
