import { type ChildProcess, spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { send } from './http/test-client.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const children: ChildProcess[] = []

function cli(args: string[]): ChildProcess {
  const child = spawn(
    process.execPath,
    [`${ROOT}node_modules/tsx/dist/cli.mjs`, `${ROOT}emulator/main.ts`, ...args],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  children.push(child)
  return child
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode)
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)))
}

function firstLineMatching(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    if (child.stdout === null) return reject(new Error('no stdout'))
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (pattern.test(line)) resolve(line)
    })
    child.once('exit', (code) => reject(new Error(`exited with ${code} before printing ${pattern}`)))
  })
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
})

// Spawning tsx is slow on a busy two-core machine: a generous limit, never a timing assertion.
const SPAWN_TIMEOUT_MS = 30_000

describe('emulator/main.ts', () => {
  it(
    'prints one listening line, serves, and exits 0 on SIGTERM',
    async () => {
      const child = cli(
        ['--port', '0', '--sessions', '40', '--seed', '3', '--control'].concat([
          '--collect-every',
          'manual',
          '--task-delays',
          '100,200',
          '--action-run',
          '30',
        ]),
      )
      const line = await firstLineMatching(child, /listening/)
      const match =
        /^EM emulator listening on (http:\/\/127\.0\.0\.1:\d+\/api\/) \((\d+) sessions, seed 3\)$/.exec(line)
      expect(match).not.toBeNull()
      const reply = await send(match?.[1] ?? '', '/api/')
      expect(reply.status).toBe(200)
      const config = await send(match?.[1] ?? '', '/__emulator/config')
      expect(JSON.parse(config.text)).toMatchObject({
        collectEveryMinutes: 'manual',
        taskDelaysMs: [100, 200],
        actionRunSeconds: 30,
      })
      child.kill('SIGTERM')
      expect(await exitOf(child)).toBe(0)
    },
    SPAWN_TIMEOUT_MS,
  )

  it(
    'rejects a bad flag with a clear message and exit code 2',
    async () => {
      const cases = [
        ['--port', 'abc'],
        ['--nope'],
        ['--end-time', 'never'],
        ['--users', 'nopassword'],
        ['--collect-every', 'often'],
        ['--task-delays', '1'],
        ['--action-run', '0'],
      ]
      const outcomes = await Promise.all(
        cases.map(async (args) => {
          const child = cli(args)
          let stderr = ''
          child.stderr?.on('data', (chunk: Buffer) => {
            stderr += chunk.toString('utf8')
          })
          return { args: args.join(' '), code: await exitOf(child), stderr }
        }),
      )
      for (const outcome of outcomes) {
        expect(outcome.code, outcome.args).toBe(2)
        expect(outcome.stderr).toMatch(/Usage: tsx emulator\/main\.ts/)
      }
    },
    SPAWN_TIMEOUT_MS,
  )
})
