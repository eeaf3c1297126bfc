import { readFileSync } from 'node:fs'

/**
 * `GET /dashboard-config.json`, read by the app: EM's host (the sign-in screen and the wall name it), whether it is
 * the embedded emulator (the demo account hint shows only then) and the dashboard's version (the wall's footer
 * shows it, so an operator sees an upgrade reach the NOC screens). Nothing about kiosk mode: a wall learns that
 * from the proxy's answers.
 */
export type DashboardConfig = { emHost: string; emulator: boolean; version: string }

const packageJsonUrl = new URL('../package.json', import.meta.url)

/** The app's version from package.json; throws naming the file when it has none. */
export function readPackageVersion(url: URL = packageJsonUrl): string {
  const parsed: unknown = JSON.parse(readFileSync(url, 'utf8'))
  if (
    typeof parsed === 'object' &&
    parsed !== null &&
    'version' in parsed &&
    typeof parsed.version === 'string'
  ) {
    return parsed.version
  }
  throw new Error(`${url.pathname} has no "version"`)
}
