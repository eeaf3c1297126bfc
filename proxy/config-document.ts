import { readFileSync } from 'node:fs'

/** `GET /dashboard-config.json`: what the sign-in screen shows (EM's host; the demo account hint only for the emulator), and whether wall screens may use the kiosk account (never its credentials). */
export type DashboardConfig = { emHost: string; emulator: boolean; version: string; kiosk: boolean }

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
