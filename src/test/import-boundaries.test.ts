// The layer graph of STYLE §3.1, checked on every import in src/: app → features/* → {em, components} → {lib, config}.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const SRC = fileURLToPath(new URL('..', import.meta.url))

const ALLOWED: Record<string, readonly string[]> = {
  app: ['app', 'features', 'em', 'components', 'lib', 'config'],
  features: ['em', 'components', 'lib', 'config'],
  em: ['em', 'lib', 'config'],
  components: ['components', 'lib', 'config'],
  lib: ['lib'],
  config: ['config', 'lib'],
  test: ['app', 'features', 'em', 'components', 'lib', 'config', 'test'],
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(name) && !name.endsWith('.gen.ts') ? [path] : []
  })
}

function importsOf(text: string): string[] {
  const found: string[] = []
  for (const match of text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
    if (match[1]) found.push(match[1])
  }
  return found
}

/** Layer of a file under src/: its top folder, with features split per feature. */
function layerOf(relPath: string): { layer: string; feature?: string } {
  const [top, second] = relPath.split(sep)
  if (top === 'features') return { layer: 'features', feature: second }
  return { layer: top ?? '' }
}

// A test may also use the shared test helpers and the app's wiring (query client, router) it runs under.
const TEST_FILE_EXTRA = ['test', 'app']

function violationsIn(files: readonly { rel: string; text: string }[]): string[] {
  const found: string[] = []
  for (const { rel, text } of files) {
    const { layer, feature } = layerOf(rel)
    if (layer === 'main.tsx' || layer === 'vite-env.d.ts') continue
    // Shared test setup lives in src/test/ (STYLE §2), so only *.test files get the extra edges.
    const isTest = /\.test\.tsx?$/.test(rel)
    for (const spec of importsOf(text)) {
      if (spec.includes('emulator/') && layer !== 'test') found.push(`${rel}: imports the emulator (${spec})`)
      if (spec === 'fast-xml-parser' && rel !== join('em', 'xml.ts'))
        found.push(`${rel}: fast-xml-parser outside em/xml.ts`)
      if (spec === 'recharts' && !rel.endsWith('-chart.tsx'))
        found.push(`${rel}: recharts outside a *-chart.tsx file`)
      if (spec.startsWith('../') && layer !== 'test') found.push(`${rel}: climbs with ../ (${spec})`)
      if (!spec.startsWith('@/')) continue
      const target = layerOf(spec.slice(2).split('/').join(sep))
      const allowed = [...(ALLOWED[layer] ?? []), ...(isTest ? TEST_FILE_EXTRA : [])]
      if (!allowed.includes(target.layer) && !(layer === 'features' && target.layer === 'features')) {
        found.push(`${rel}: ${layer} may not import ${target.layer} (${spec})`)
      }
      if (layer === 'features' && target.layer === 'features' && target.feature !== feature) {
        found.push(`${rel}: feature ${feature} imports feature ${target.feature} (${spec})`)
      }
    }
  }
  return found
}

function violations(): string[] {
  return violationsIn(
    sourceFiles(SRC)
      // This file's own fixtures are import lines written as strings.
      .filter((file) => file !== fileURLToPath(import.meta.url))
      .map((file) => ({ rel: relative(SRC, file), text: readFileSync(file, 'utf8') })),
  )
}

describe('import boundaries', () => {
  it('every import in src/ follows the layer graph', () => {
    expect(violations()).toEqual([])
  })

  it('flags forbidden edges and lets tests use the test helpers', () => {
    const file = (rel: string, text: string) => ({ rel: join(...rel.split('/')), text })
    expect(
      violationsIn([
        file('features/wall/wall.tsx', "import { x } from '@/features/sessions/table.tsx'"),
        file('em/http.ts', "import { y } from '@/components/card.tsx'"),
        file('em/http.ts', "import { z } from '@/test/samples.ts'"),
        file('lib/a.ts', "import { b } from '../em/b.ts'"),
        file('components/chart.tsx', "import { LineChart } from 'recharts'"),
        file('em/parse.test.ts', "import { s } from '@/test/samples.ts'"),
        file('features/wall/wall.test.tsx', "import { c } from '@/app/query-client.ts'"),
        file('features/wall/wall-test-kit.ts', "import { s } from '@/test/samples.ts'"),
      ]),
    ).toEqual([
      join('features', 'wall', 'wall.tsx') +
        ': feature wall imports feature sessions (@/features/sessions/table.tsx)',
      `${join('em', 'http.ts')}: em may not import components (@/components/card.tsx)`,
      `${join('em', 'http.ts')}: em may not import test (@/test/samples.ts)`,
      `${join('lib', 'a.ts')}: climbs with ../ (../em/b.ts)`,
      `${join('components', 'chart.tsx')}: recharts outside a *-chart.tsx file`,
      `${join('features', 'wall', 'wall-test-kit.ts')}: features may not import test (@/test/samples.ts)`,
    ])
  })

  it('reads static and dynamic imports', () => {
    expect(importsOf("import { x } from '@/features/wall/a.ts'\nimport('@/em/b.ts')")).toEqual([
      '@/features/wall/a.ts',
      '@/em/b.ts',
    ])
    expect(layerOf(join('features', 'sessions', 'table.tsx'))).toEqual({
      layer: 'features',
      feature: 'sessions',
    })
  })
})
