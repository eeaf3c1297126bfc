// Issue 7 §5: what the first page load costs in JS, and which chunks carry the heavy libraries.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Figure } from './report.ts'
import { ROOT } from './spawn-emulator.ts'

/** Where the bench builds the app (git-ignored), so it never races the e2e suite's dist/. */
export const BENCH_DIST = join(ROOT, '.tmp', 'bench-dist')

/** `vite build` into BENCH_DIST. */
export function buildApp(): void {
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--outDir',
      BENCH_DIST,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  )
}

// Libraries that must never load before a chart is shown (STYLE §3.1).
const HEAVY = ['recharts', 'fast-xml-parser']

function librariesIn(chunk: string): string[] {
  const map = `${chunk}.map`
  if (!existsSync(map)) return []
  const sources: unknown = JSON.parse(readFileSync(map, 'utf8')).sources
  if (!Array.isArray(sources)) return []
  return HEAVY.filter((name) => sources.some((s) => String(s).includes(`node_modules/${name}/`)))
}

/** Bundle figures of the build in BENCH_DIST: initial JS gzip against the budget, and one row per chunk. */
export function benchBundle(): Figure[] {
  const html = readFileSync(join(BENCH_DIST, 'index.html'), 'utf8')
  // The entry script and every modulepreload link: what the browser fetches before the first render.
  const initial = new Set(
    [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/?([^"]+\.js)"/g)].map(
      (m) => m[1] ?? '',
    ),
  )
  const assets = join(BENCH_DIST, 'assets')
  const chunks = readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .map((name) => {
      const path = join(assets, name)
      const code = readFileSync(path)
      return {
        name,
        initial: initial.has(`assets/${name}`),
        gzipKb: gzipSync(code, { level: 9 }).length / 1024,
        libraries: librariesIn(path),
      }
    })
    .sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzipKb - a.gzipKb)
  const section = 'bundle'
  const initialKb = chunks.filter((c) => c.initial).reduce((sum, c) => sum + c.gzipKb, 0)
  const heavyInitial = chunks.filter((c) => c.initial).flatMap((c) => c.libraries)
  return [
    {
      section,
      name: 'initial JS, gzip',
      value: initialKb,
      unit: 'KB',
      // Issue 18 (was 200).
      budget: 120,
      note: `${chunks.filter((c) => c.initial).length} of ${chunks.length} chunks`,
    },
    {
      section,
      name: 'heavy libraries in initial chunks',
      value: heavyInitial.length,
      unit: '',
      budget: 0,
      note: heavyInitial.join(', ') || `none of ${HEAVY.join(', ')}`,
    },
    ...chunks.map((c) => ({
      section: c.initial ? 'bundle: initial chunk' : 'bundle: lazy chunk',
      name: c.name,
      value: c.gzipKb,
      unit: 'KB',
      note: c.libraries.join(', '),
    })),
  ]
}
