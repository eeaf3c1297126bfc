// Runs the emulator as its own process, as in production, so its memory is its own to measure.
import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))

export interface RunningEmulator {
  baseUrl: string
  pid: number
  close(): Promise<void>
}

/** Starts `emulator/main.ts --port 0 …` and resolves with its base URL once it prints its listening line. */
export function spawnEmulator(args: readonly string[]): Promise<RunningEmulator> {
  const child: ChildProcess = spawn(
    process.execPath,
    [`${ROOT}node_modules/tsx/dist/cli.mjs`, `${ROOT}emulator/main.ts`, '--port', '0', ...args],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('emulator did not start within 120 s')), 120_000)
    child.once('exit', (code) => reject(new Error(`emulator exited early with code ${code}`)))
    if (!child.stdout || child.pid === undefined) return reject(new Error('emulator has no stdout'))
    const pid = child.pid
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /listening on (\S+)/.exec(line)
      if (!match?.[1]) return
      clearTimeout(timer)
      resolve({
        baseUrl: match[1].replace(/\/?$/, '/'),
        pid,
        close: () =>
          new Promise((done) => {
            child.once('exit', () => done())
            child.kill('SIGTERM')
          }),
      })
    })
  })
}

/** Resident memory of a process in MB, from /proc (Linux). */
export function residentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN)
  return kb / 1024
}
