// The one place that finds a browser: Playwright cannot download its own here, so we use the system Chromium.
import { existsSync } from 'node:fs'

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
]

/** Path of the Chromium to drive; throws with install instructions when there is none. */
export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv
    throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist.`)
  }
  const found = CANDIDATES.find((path) => existsSync(path))
  if (found) return found
  throw new Error(
    'No Chromium found for the Playwright tests. Install one with `sudo apt-get install -y chromium` ' +
      '(Debian/Ubuntu), or point CHROMIUM_PATH at a Chromium or Chrome binary.',
  )
}

// Without the background-networking flags Chromium keeps dialling Google on a closed network.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
]
