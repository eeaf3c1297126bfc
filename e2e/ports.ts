// Loopback ports for the e2e servers that playwright.config.ts starts and stops, picked once per run.
// Free ports below Linux's ephemeral range (32768+): a fixed port inside that range was once taken by an outgoing
// connection between the build and the kiosk server's start ("Port 34174 is already in use"). The runner picks
// them when it first loads the config and hands them to its workers and web servers through E2E_PORTS, so every
// process of one run agrees, and two runs side by side (E2E_PORTS unset) do not collide.
import { execFileSync } from 'node:child_process'

const PICK_PORTS = `
const net = require('node:net')
const picked = []
function tryPort() {
  const port = 20000 + Math.floor(Math.random() * 12000)
  if (picked.includes(port)) return tryPort()
  const server = net.createServer()
  server.once('error', tryPort)
  server.listen(port, '127.0.0.1', () => server.close(() => {
    picked.push(port)
    if (picked.length < 3) tryPort()
    else process.stdout.write(picked.join(','))
  }))
}
tryPort()
`

function e2ePorts(): [number, number, number] {
  const given =
    process.env.E2E_PORTS ?? execFileSync(process.execPath, ['-e', PICK_PORTS], { encoding: 'utf8' })
  const ports = given.split(',').map(Number)
  const [emulator, app, kiosk] = ports
  if (ports.length !== 3 || emulator === undefined || app === undefined || kiosk === undefined)
    throw new Error(`E2E_PORTS must be three ports "emulator,app,kiosk", got "${given}"`)
  process.env.E2E_PORTS = given
  return [emulator, app, kiosk]
}

export const [EMULATOR_PORT, APP_PORT, KIOSK_PORT] = e2ePorts()
export const EMULATOR_URL = `http://127.0.0.1:${EMULATOR_PORT}`
export const APP_URL = `http://127.0.0.1:${APP_PORT}`
