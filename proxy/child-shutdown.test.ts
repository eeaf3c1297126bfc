import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, describe, expect, it, onTestFinished } from 'vitest'

// These run a real parent process (this module under tsx) so its signal handling can be exercised without touching the test runner.
const repoRoot = new URL('..', import.meta.url)
const dir = mkdtempSync(join(tmpdir(), 'em-proxy-shutdown-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function parentScript(options: { viteLikeSigterm: boolean }): string {
  const path = join(dir, `parent-${options.viteLikeSigterm ? 'vite' : 'plain'}.mjs`)
  writeFileSync(
    path,
    `
import { spawn } from 'node:child_process'
import { superviseChild } from ${JSON.stringify(new URL('proxy/child-shutdown.ts', repoRoot).href)}
${options.viteLikeSigterm ? "process.once('SIGTERM', () => setTimeout(() => process.exit(0), 50))" : ''}
// The child shares our stdout, so the test sees the pipe close only once both have exited.
const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: ['ignore', 'inherit', 'inherit'] })
superviseChild(child, 5000)
child.once('spawn', () => console.log('ready ' + child.pid))
setInterval(() => {}, 1000)
`,
  )
  return path
}

/** Starts the parent, sends it `signal` once it is ready, and resolves with how it ended after its child's end too. */
function runAndSignal(script: string, signal: NodeJS.Signals) {
  const parent = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: new URL('.', repoRoot),
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let childPid = 0
  let ended = false
  createInterface({ input: parent.stdout }).on('line', (line) => {
    const ready = /^ready (\d+)$/.exec(line)
    if (ready === null || parent.pid === undefined) return
    childPid = Number(ready[1])
    process.kill(parent.pid, signal)
  })
  // Should the test time out, leave no stray processes behind.
  onTestFinished(() => {
    if (ended) return
    for (const pid of [parent.pid ?? 0, childPid]) if (pid > 0) process.kill(pid, 'SIGKILL')
  })
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    parent.once('close', (code, signalCode) => {
      ended = true
      resolve({ code, signal: signalCode })
    })
  })
}

describe('superviseChild when this process is told to end', () => {
  it('stops the child on SIGINT and then ends with the default action', async () => {
    expect(await runAndSignal(parentScript({ viteLikeSigterm: false }), 'SIGINT')).toEqual({
      code: null,
      signal: 'SIGINT',
    })
  })

  it("stops the child on SIGTERM and leaves the exit to an earlier handler such as Vite's", async () => {
    expect(await runAndSignal(parentScript({ viteLikeSigterm: true }), 'SIGTERM')).toEqual({
      code: 0,
      signal: null,
    })
  })
})
