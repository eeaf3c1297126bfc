import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { superviseChild } from './child-shutdown.ts'

/** A program and its arguments. */
export type LaunchCommand = { command: string; args: readonly string[] }

export type RunningEmulator = { baseUrl: URL; pid: number; stop(): Promise<void> }

export type LaunchOptions = {
  command: LaunchCommand
  readyTimeoutMs?: number
  killGraceMs?: number
  /** Where the emulator's other stdout lines go; stderr is inherited as is. */
  output?: NodeJS.WritableStream
}

const repoRoot = new URL('..', import.meta.url)

/** The embedded emulator run through tsx in its own process, on a free loopback port, with `extraArgs` appended. */
export function defaultEmulatorCommand(extraArgs: readonly string[]): LaunchCommand {
  return {
    command: process.execPath,
    args: [
      fileURLToPath(new URL('node_modules/tsx/dist/cli.mjs', repoRoot)),
      fileURLToPath(new URL('emulator/main.ts', repoRoot)),
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      ...extraArgs,
    ],
  }
}

/** The base URL in a line such as `EM emulator listening on http://127.0.0.1:40123/api/ (…)`, if the line is one. */
export function parseListeningLine(line: string): URL | undefined {
  if (!line.includes('listening')) return undefined
  const match = /https?:\/\/[^\s)]+/.exec(line)
  return match !== null && URL.canParse(match[0]) ? new URL(match[0]) : undefined
}

/** Starts the emulator and resolves with its base URL once it prints its "listening" line; rejects, with the child stopped, if it fails to start, exits or stays silent past the timeout. */
export function launchEmulator(options: LaunchOptions): Promise<RunningEmulator> {
  const { command, args } = options.command
  const readyTimeoutMs = options.readyTimeoutMs ?? 30_000
  const output = options.output ?? process.stdout
  const shown = [command, ...args].join(' ')
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] })
  const stop = superviseChild(child, options.killGraceMs ?? 5000)

  return new Promise((resolve, reject) => {
    let settled = false
    let stopRequested = false
    const giveUp = (message: string): void => {
      if (settled) return
      settled = true
      stopRequested = true
      clearTimeout(timer)
      void stop().then(() => reject(new Error(`${message}\n  command: ${shown}`)))
    }
    const timer = setTimeout(
      () => giveUp(`The embedded EM emulator printed no "listening" line within ${readyTimeoutMs / 1000} s.`),
      readyTimeoutMs,
    )
    child.once('error', (error) => giveUp(`Cannot start the embedded EM emulator: ${error.message}`))
    child.once('exit', (code, signal) => {
      const how = signal ?? `code ${code}`
      if (!settled)
        giveUp(`The embedded EM emulator exited (${how}) before it was listening; see its output above.`)
      else if (!stopRequested) {
        process.stderr.write(
          `The embedded EM emulator exited (${how}); /api answers 502 until the server restarts.\n`,
        )
      }
    })
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (settled) {
        output.write(`${line}\n`)
        return
      }
      const baseUrl = parseListeningLine(line)
      if (baseUrl === undefined || child.pid === undefined) {
        if (line.includes('listening')) giveUp(`The embedded EM emulator printed no URL in: ${line}`)
        else output.write(`${line}\n`)
        return
      }
      settled = true
      clearTimeout(timer)
      resolve({
        baseUrl,
        pid: child.pid,
        stop: () => {
          stopRequested = true
          return stop()
        },
      })
    })
  })
}
