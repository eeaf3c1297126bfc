import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRandom } from '../data/random.ts'
import { type RunningEmulator, startEmulator } from './start.ts'
import { basic, errorOf, logon, type Reply, send } from './test-client.ts'

// Seeded so a failure names a request that reproduces on every run.
const random = createRandom(20_251_103)
const pick = <T>(items: readonly [T, ...T[]]): T => random.pick(items)
const int = (max: number) => random.int(0, max - 1)
const chars = (alphabet: string, length: number) =>
  Array.from({ length }, () => alphabet.charAt(int(alphabet.length))).join('')
const SEGMENT = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~!$()*,;:@'
const FILTER = 'abcXYZ019 "();,=!<>*-:.TtZ+\'&|\\'
const enc = (text: string) => encodeURIComponent(text)

interface FuzzCase {
  method: string
  path: string
  headers: Record<string, string>
}

function badFilter(): string {
  return pick([
    () => `Zz${chars(SEGMENT, 1 + int(8))}==1`,
    () => `(${pick(['Result==Failed', 'State==Working'])}${chars(FILTER.replaceAll(')', ''), int(5))}`,
    () => `${pick(['Result', 'JobName', 'CreationTime', 'IsRetry'])}${pick(['==', '<', '!='])}`,
    () => `State==${chars('abcdefgh', 1 + int(6))}9`,
    () => `CreationTime>=2025-13-${chars('0123456789', 2)}`,
    () => `IsRetry<${pick(['true', 'false'])}`,
    () => `JobName=="${chars(FILTER.replaceAll('"', ''), int(20))}`,
    () => `${pick(['==', ';', ',', ')', '<'])}${chars(FILTER, int(12))}`,
    () => `Result==Failed${pick([';', ',', ';;', ',,'])}`,
    () => `JobName=="${'a'.repeat(20_000 + int(5000))}`,
  ])()
}

function badNumber(): string {
  const name = pick(['pageSize', 'page', 'PAGESIZE', 'Page'])
  const value = pick([
    '0',
    '-1',
    '1.5',
    'abc',
    '',
    '1e3',
    '0x10',
    '%205',
    '%2B5',
    chars('abc', 3),
    `${int(9)}x`,
  ])
  return `${name}=${value}`
}

function badQuery(): string {
  return pick([
    () => `/api/query?type=ReplicaJobSession&filter=${enc(badFilter())}`,
    () => `/api/query?type=Job&${badNumber()}`,
    () => `/api/query?type=Job&page=${'9'.repeat(12 + int(400))}`,
    () => `/api/query?type=Job&type=${pick(['Job', 'BackupServer'])}`,
    () => `/api/query?type=Job&sortAsc=Name&sortDesc=${pick(['Name', 'Description'])}`,
    () => `/api/query?type=${pick(['', 'Tape', chars(SEGMENT, 1 + int(10))])}Q`,
    () => `/api/query?type=Job&format=${pick(['', 'Ref', 'entityy', chars('abc', 4)])}`,
    () => `/api/query%3Ftype%3DJob%26pageSize%3D${pick(['0', '-2', 'x'])}`,
    () => `/api/query?type=Job&filter=${pick(['%', '%zz', '%E0%A4', '%C3', '%%41'])}`,
    () => `/api/replicaSessions?format=${pick(['', 'Ref', 'x'])}`,
  ])()
}

function badPath(): string {
  return pick([
    () => `/api/zz${chars(SEGMENT, int(12))}`,
    () => `/api/${pick(['query', 'jobs', 'replicaSessions'])}${pick(['%', '%G1', '%E0%A4', '%C0%AF', '%'])}`,
    () => `/api/replicaSessions/${chars(SEGMENT, 1 + int(40))}`,
    () => `/api/jobs/${chars('0123456789abcdef-', 36)}/zz`,
    () => `/${chars(SEGMENT, 1 + int(20))}`,
    () => `/api/backupServers/${'f'.repeat(8)}-0000-4000-8000-${chars('0123456789abcdef', 12)}`,
  ])()
}

function fuzzCase(token: string): FuzzCase {
  const accept = pick<Record<string, string>>([
    {},
    { Accept: 'application/json' },
    { Accept: 'application/xml' },
    { Accept: '*/*' },
  ])
  const auth = { 'X-RestSvcSessionId': token, ...accept }
  return pick([
    () => ({ method: 'GET', path: badQuery(), headers: auth }),
    () => ({ method: 'GET', path: badPath(), headers: auth }),
    () => ({
      method: 'GET',
      path: '/api/jobs',
      headers: { 'X-RestSvcSessionId': chars(SEGMENT, int(60)), ...accept },
    }),
    () => ({
      method: 'GET',
      path: '/api/jobs',
      headers: { Cookie: `X-RestSvcSessionId=${chars(SEGMENT, int(60))}`, ...accept },
    }),
    () => ({
      method: 'GET',
      path: '/api/query?type=Job',
      headers: { Authorization: basic('admin', 'admin'), ...accept },
    }),
    () => ({
      method: 'POST',
      path: '/api/sessionMngr/?v=latest',
      headers: {
        Authorization: pick([basic(chars(SEGMENT, 5), 'x'), `Basic ${chars(SEGMENT, 20)}`, 'Negotiate x']),
        ...accept,
      },
    }),
    () => ({
      method: 'POST',
      path: `/api/sessionMngr/?v=${pick(['v1_4', 'v2', '', chars(SEGMENT, 4)])}`,
      headers: { Authorization: basic('admin', 'admin'), ...accept },
    }),
    () => ({
      method: pick(['PUT', 'PATCH', 'DELETE', 'POST', 'OPTIONS', 'PROPFIND']),
      path: pick(['/api/jobs', '/api/query?type=Job', '/api/', '/api/querySvc']),
      headers: auth,
    }),
    () => ({ method: pick(['FOO', 'GETT', 'BREW']), path: '/api/', headers: auth }),
    () => ({
      method: 'GET',
      path: '/api/jobs',
      headers: { ...auth, 'X-Huge': 'h'.repeat(20_000 + int(20_000)) },
    }),
    () => ({ method: 'GET', path: `/api/${'x'.repeat(20_000)}`, headers: auth }),
  ])()
}

let em: RunningEmulator

beforeAll(async () => {
  em = await startEmulator({ sessions: 80 })
})
afterAll(() => em.close())

function problemOf(reply: Reply): string | undefined {
  if (reply.status < 400 || reply.status >= 500) return `status ${reply.status}`
  try {
    const { status } = errorOf(reply)
    return status === reply.status ? undefined : `Error body says ${String(status)}`
  } catch (error) {
    return `no Error body: ${String(error)}`
  }
}

describe('fuzz', () => {
  it('answers 1,000 malformed requests with 4xx Error bodies and keeps serving', async () => {
    const token = await logon(em.url)
    const failures: string[] = []
    for (let batch = 0; batch < 100; batch++) {
      const cases = Array.from({ length: 10 }, () => fuzzCase(token))
      const replies = await Promise.all(
        cases.map((c) => send(em.url, c.path, { method: c.method, headers: c.headers })),
      )
      replies.forEach((reply, index) => {
        const problem = problemOf(reply)
        const c = cases[index]
        if (problem !== undefined && c !== undefined)
          failures.push(`${c.method} ${c.path.slice(0, 120)}: ${problem}`)
      })
    }
    expect(failures).toEqual([])
    const good = await send(em.url, '/api/query?type=ReplicaJobSession&pageSize=1', {
      headers: { 'X-RestSvcSessionId': token },
    })
    expect(good.status).toBe(200)
    // A robustness check, not a speed check: 1,000 requests took over 5 s (Vitest's default) on a loaded machine.
  }, 60_000)
})
