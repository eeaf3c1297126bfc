import { PassThrough } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import {
  defaultEmulatorCommand,
  type LaunchCommand,
  launchEmulator,
  parseListeningLine,
} from './emulator-launcher.ts'

/** A fake emulator: `node -e <script>`. */
function fake(script: string): LaunchCommand {
  return { command: process.execPath, args: ['-e', script] }
}

const keepRunning = 'setInterval(() => {}, 1000);'

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe('parseListeningLine', () => {
  it('reads the base URL from the emulator line', () => {
    const line = 'EM emulator listening on http://127.0.0.1:40123/api/ (3024 sessions, seed 1)'
    expect(parseListeningLine(line)?.href).toBe('http://127.0.0.1:40123/api/')
  })

  it('ignores other lines', () => {
    expect(parseListeningLine('generating 3024 sessions at http://127.0.0.1:1/')).toBeUndefined()
  })
})

describe('defaultEmulatorCommand', () => {
  it('runs emulator/main.ts through tsx on a free loopback port, with the extra arguments last', () => {
    const root = fileURLToPath(new URL('..', import.meta.url))
    expect(defaultEmulatorCommand(['--control', '--sessions', '20000'])).toEqual({
      command: process.execPath,
      args: [
        `${root}node_modules/tsx/dist/cli.mjs`,
        `${root}emulator/main.ts`,
        '--port',
        '0',
        '--host',
        '127.0.0.1',
        '--control',
        '--sessions',
        '20000',
      ],
    })
  })
})

describe('launchEmulator', () => {
  it('resolves with the announced URL, passes other output on, and kills the child on stop', async () => {
    const output = new PassThrough()
    const emulator = await launchEmulator({
      command: fake(
        `console.log('seeding'); console.log('EM emulator listening on http://127.0.0.1:40999/api/ (1 sessions, seed 1)'); ${keepRunning}`,
      ),
      output,
    })
    expect(emulator.baseUrl.href).toBe('http://127.0.0.1:40999/api/')
    expect(isAlive(emulator.pid)).toBe(true)
    expect(output.read()?.toString()).toBe('seeding\n')

    await emulator.stop()
    expect(isAlive(emulator.pid)).toBe(false)
  })

  it('kills a child that ignores SIGTERM once the grace period is over', async () => {
    const emulator = await launchEmulator({
      command: fake(
        `process.on('SIGTERM', () => {}); console.log('listening on http://127.0.0.1:1/api/'); ${keepRunning}`,
      ),
      killGraceMs: 100,
    })
    await emulator.stop()
    expect(isAlive(emulator.pid)).toBe(false)
  })

  it('says so on stderr when the emulator dies after it was listening', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    onTestFinished(() => stderr.mockRestore())
    await launchEmulator({
      command: fake(
        `console.log('listening on http://127.0.0.1:1/api/'); setTimeout(() => process.exit(2), 50)`,
      ),
    })
    await vi.waitFor(() =>
      expect(stderr).toHaveBeenCalledWith(
        'The embedded EM emulator exited (code 2); /api answers 502 until the server restarts.\n',
      ),
    )
  })

  it('fails clearly when the emulator exits before listening', async () => {
    await expect(launchEmulator({ command: fake('process.exit(3)') })).rejects.toThrow(
      /The embedded EM emulator exited \(code 3\) before it was listening; see its output above\.\n {2}command: .* -e process\.exit\(3\)/,
    )
  })

  it('fails clearly, and stops the child, when no listening line comes in time', async () => {
    await expect(launchEmulator({ command: fake(keepRunning), readyTimeoutMs: 200 })).rejects.toThrow(
      'The embedded EM emulator printed no "listening" line within 0.2 s.',
    )
  })

  it('fails clearly when the command cannot start', async () => {
    await expect(launchEmulator({ command: { command: '/nonexistent/node', args: [] } })).rejects.toThrow(
      /Cannot start the embedded EM emulator: spawn \/nonexistent\/node ENOENT/,
    )
  })

  it('fails when the listening line carries no URL', async () => {
    await expect(
      launchEmulator({ command: fake(`console.log('listening'); ${keepRunning}`) }),
    ).rejects.toThrow('printed no URL in: listening')
  })
})
