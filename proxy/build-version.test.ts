import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build, createServer } from 'vite'
import { afterAll, describe, expect, it } from 'vitest'
import { buildVersionPlugin, createBuildId } from './build-version.ts'

const root = mkdtempSync(join(tmpdir(), 'build-version-'))
writeFileSync(join(root, 'index.html'), '<!doctype html><script type="module" src="/main.js"></script>')
writeFileSync(join(root, 'main.js'), 'document.title = import.meta.env.VITE_BUILD_ID\n')
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('buildVersionPlugin', () => {
  it('compiles the id into the app and writes the same id to version.json', async () => {
    const outDir = join(root, 'dist')
    await build({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [buildVersionPlugin('build-abc123')],
      build: { outDir, emptyOutDir: true },
    })
    expect(JSON.parse(readFileSync(join(outDir, 'version.json'), 'utf8'))).toEqual({
      version: 'build-abc123',
    })
    const bundle = readdirSync(join(outDir, 'assets')).find((name) => name.endsWith('.js')) ?? ''
    expect(readFileSync(join(outDir, 'assets', bundle), 'utf8')).toContain('build-abc123')
  })

  it('serves version.json uncached in dev', async () => {
    const server = await createServer({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [buildVersionPlugin('dev-1')],
      server: { port: 0, host: '127.0.0.1' },
    })
    await server.listen()
    try {
      const response = await fetch(`${server.resolvedUrls?.local[0] ?? ''}version.json`)
      expect(response.headers.get('cache-control')).toBe('no-store')
      expect(await response.json()).toEqual({ version: 'dev-1' })
    } finally {
      await server.close()
    }
  })
})

describe('createBuildId', () => {
  it('takes BUILD_ID from the environment, else the build time', () => {
    expect(createBuildId({ BUILD_ID: ' 3f2a9c1 ' })).toBe('3f2a9c1')
    expect(createBuildId({}, 1_700_000_000_000)).toBe(`build-${(1_700_000_000_000).toString(36)}`)
    expect(createBuildId({}, 1)).not.toBe(createBuildId({}, 2))
  })
})
