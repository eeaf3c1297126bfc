// The shipped systemd unit, checked by systemd's own parser (`systemd-analyze verify`) with its CHANGE: values
// pointed at this checkout, and held to what the server needs: SIGTERM to every process, a stop timeout longer
// than the shutdown bound, a restart policy. It is not started under systemd here (no systemd runs in these tests).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { siteConfig } from '../nginx/nginx-process.ts'
import { readServiceEnv } from '../service-env.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '')
const SHIPPED = readFileSync(new URL('./em-replica-dashboard@.service', import.meta.url), 'utf8')
const ANALYZE = ['/usr/bin/systemd-analyze', '/bin/systemd-analyze'].find((path) => existsSync(path))
const dir = mkdtempSync(join(tmpdir(), 'em-unit-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The unit's `Key=value` settings (a key set twice keeps both values). */
function settings(unit: string): Map<string, string[]> {
  const found = new Map<string, string[]>()
  for (const line of unit.split('\n')) {
    const match = /^([A-Za-z]+)=(.*)$/.exec(line)
    if (match?.[1] !== undefined) found.set(match[1], [...(found.get(match[1]) ?? []), match[2] ?? ''])
  }
  return found
}

describe('proxy/systemd/em-replica-dashboard@.service', () => {
  it.skipIf(ANALYZE === undefined)('passes systemd-analyze verify with its CHANGE: values set', () => {
    const user = userInfo().username
    const unit = siteConfig(SHIPPED, {
      'User=em-dashboard': `User=${user}`,
      'Group=em-dashboard': '',
      'WorkingDirectory=/opt/em-replica-dashboard': `WorkingDirectory=${ROOT}`,
      'ExecStart=/opt/em-replica-dashboard/node_modules/.bin/tsx': `ExecStart=${ROOT}/node_modules/.bin/tsx`,
    })
    writeFileSync(join(dir, 'em-replica-dashboard@.service'), unit)
    const result = spawnSync(ANALYZE ?? '', ['verify', join(dir, 'em-replica-dashboard@8081.service')], {
      encoding: 'utf8',
      timeout: 30_000,
    })
    expect(`${result.stdout}${result.stderr}`.trim()).toBe('')
    expect(result.status).toBe(0)
  })

  it('signals every process with SIGTERM, waits longer than the shutdown bound, and restarts', () => {
    const unit = settings(SHIPPED)
    expect(unit.get('KillSignal')).toEqual(['SIGTERM'])
    expect(unit.get('KillMode')).toEqual(['control-group'])
    expect(unit.get('Restart')).toEqual(['always'])
    const stopSeconds = Number(/^(\d+)s$/.exec(unit.get('TimeoutStopSec')?.[0] ?? '')?.[1])
    expect(stopSeconds * 1000).toBeGreaterThan(readServiceEnv({}).shutdownTimeoutMs)
    // The copy's port is the instance name; it listens on loopback behind nginx.
    expect(unit.get('Environment')).toEqual(['HOST=127.0.0.1 PORT=%i'])
  })
})
