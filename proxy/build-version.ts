import type { Plugin } from 'vite'

/** Where a deployed build tells wall screens which build it is; they reload when it changes. */
export const VERSION_PATH = '/version.json'

/** A build id unique per build: BUILD_ID from the environment (a CI commit id, say), else the time of the build. */
export function createBuildId(
  env: Readonly<Record<string, string | undefined>> = process.env,
  now = Date.now(),
): string {
  const fromEnv = env.BUILD_ID?.trim()
  return fromEnv ? fromEnv : `build-${now.toString(36)}`
}

/**
 * Gives the app its build id as `import.meta.env.VITE_BUILD_ID`, writes the same id to `version.json` in the
 * build, and serves it in dev. `vite preview` serves the built file: a fresh id there would differ from the
 * one compiled into the bundle and make every wall reload.
 */
export function buildVersionPlugin(buildId: string): Plugin {
  const body = JSON.stringify({ version: buildId })
  return {
    name: 'build-version',
    config: () => ({ define: { 'import.meta.env.VITE_BUILD_ID': JSON.stringify(buildId) } }),
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: VERSION_PATH.slice(1), source: body })
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== VERSION_PATH) return next()
        res.setHeader('Content-Type', 'application/json')
        res.setHeader('Cache-Control', 'no-store')
        res.end(body)
      })
    },
  }
}
