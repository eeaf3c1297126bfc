// "Copy curl" must survive any filter a user can type: the command is checked by a real POSIX shell, both that it
// parses (`sh -n`) and that curl would receive exactly the URL, with nothing run along the way.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildQueryPath } from '@/em/session-query-path.ts'
import { curlCommand } from './curl-command.ts'

const trap = mkdtempSync(join(tmpdir(), 'curl-quote-'))
afterAll(() => rmSync(trap, { recursive: true, force: true }))

// Each would run something, end the quoting, or split the argument if the command were quoted carelessly.
const hostile = [
  "O'Brien's job",
  `'; touch ${trap}/quote; '`,
  `$(touch ${trap}/dollar)`,
  `\`touch ${trap}/backtick\``,
  'back\\slash "double" quotes',
  'new\nline and\ttab',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell parameter expansion, meant literally
  '!event ${HOME} *glob* ?one [ab] ~user',
  `'"'"'; touch ${trap}/mixed #`,
  'semi;colon & amp | pipe > redirect < in',
]

const shell = (script: string, ...args: string[]) =>
  execFileSync('sh', [...args, '-c', script], { encoding: 'utf8' })

describe('curlCommand', () => {
  it('quotes every value for a POSIX shell, whatever the filter holds', () => {
    for (const jobName of hostile) checkQuoting(jobName)
    expect(readdirSync(trap)).toEqual([])
  })
})

function checkQuoting(jobName: string): void {
  const url = `https://dashboard.example.com${buildQueryPath({ filter: { jobName }, page: 1, pageSize: 100 })}`
  for (const format of ['xml', 'json'] as const) {
    const command = curlCommand(url, format)
    expect(() => shell(command, '-n'), jobName).not.toThrow()
    // A stand-in curl prints each argument it gets, NUL-separated.
    const args = shell(`curl() { printf '%s\\0' "$@"; }; ${command}`).split('\0').slice(0, -1)
    expect(args, jobName).toEqual([
      '-sS',
      '-H',
      'X-RestSvcSessionId: <token>',
      '-H',
      `Accept: application/${format}`,
      url,
    ])
  }
}
