// The client's filter builder against a real emulator (issue 3): every parameter the explorer can set is sent as
// EM filter text and the answer is checked against an oracle computed from the full, unfiltered history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeBody } from '@/em/decode-body.ts'
import { parseSessionsPage, type ReplicaJobSession } from '@/em/parse-session.ts'
import { buildQueryPath, type SessionFilter, type SessionQuery } from '@/em/session-query-path.ts'
import type { WireFormat } from '@/em/wire-format.ts'
import { type RunningEmulator, startEmulator } from '../../emulator/http/start.ts'

let em: RunningEmulator
let origin: string
let token: string
let all: ReplicaJobSession[]

async function get(path: string, format: WireFormat): Promise<string> {
  const response = await fetch(origin + path, {
    headers: {
      'X-RestSvcSessionId': token,
      Accept: format === 'json' ? 'application/json' : 'application/xml',
    },
  })
  const text = await response.text()
  if (response.status !== 200) throw new Error(`${path} → ${response.status}: ${text.slice(0, 200)}`)
  return text
}

async function fetchAll(filter: SessionFilter, format: WireFormat = 'json'): Promise<ReplicaJobSession[]> {
  const items: ReplicaJobSession[] = []
  for (let page = 1; ; page++) {
    const query: SessionQuery = { filter, page, pageSize: 1000, sort: { field: 'CreationTime', dir: 'asc' } }
    const parsed = parseSessionsPage(decodeBody(await get(buildQueryPath(query), format), format))
    items.push(...parsed.items)
    if (page >= parsed.paging.pagesCount) return items
  }
}

const uids = (sessions: readonly ReplicaJobSession[]) => sessions.map((s) => s.uid).sort()
const SENTINEL = Date.UTC(1900, 0, 1)

beforeAll(async () => {
  // A frozen clock keeps running sessions where they are, so the oracle and every answer see the same history.
  const frozen = Date.now()
  em = await startEmulator({ seed: 11, sessions: 900, now: () => frozen })
  origin = new URL(em.url).origin
  const logon = await fetch(`${em.url}sessionMngr/?v=latest`, {
    method: 'POST',
    headers: { Authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` },
  })
  token = logon.headers.get('x-restsvcsessionid') ?? ''
  all = await fetchAll({})
}, 60_000)

afterAll(async () => {
  await em.close()
})

function pick<T>(values: readonly T[], index = 0): T {
  const value = values[index % Math.max(1, values.length)]
  if (value === undefined) throw new Error('the emulator returned no sessions to pick from')
  return value
}

describe('filters built by the client, answered by the emulator', () => {
  it('has a realistic history to test against', () => {
    expect(all.length).toBeGreaterThan(500)
    expect(new Set(all.map((s) => s.result))).toEqual(new Set(['Success', 'Warning', 'Failed', 'None']))
  })

  const cases: [string, () => SessionFilter, (s: ReplicaJobSession) => boolean][] = []
  const sample = () => pick(all.filter((s) => s.result === 'Failed'))
  const window = () => {
    const times = all.map((s) => s.creationTime).sort((a, b) => a - b)
    return {
      from: pick(times, Math.floor(times.length / 3)),
      to: pick(times, Math.floor((2 * times.length) / 3)),
    }
  }
  cases.push(
    ['Name', () => ({ name: sample().name }), (s) => s.name.toLowerCase() === sample().name.toLowerCase()],
    ['UID', () => ({ uid: sample().uid }), (s) => s.uid === sample().uid],
    ['JobUid', () => ({ jobUid: sample().jobUid }), (s) => s.jobUid === sample().jobUid],
    ['JobName (with spaces)', () => ({ jobName: sample().jobName }), (s) => s.jobName === sample().jobName],
    ['JobType', () => ({ jobType: 'Replica' }), () => true],
    [
      'BackupServerUid',
      () => ({ backupServerUid: sample().backupServerUid ?? '' }),
      (s) => s.backupServerUid === sample().backupServerUid,
    ],
    [
      'BackupServerName',
      () => ({ backupServerName: sample().backupServerName ?? '' }),
      (s) => s.backupServerName === sample().backupServerName,
    ],
    [
      'State, several (OR group)',
      () => ({ states: ['Working', 'Starting', 'Stopping'] }),
      (s) => ['Working', 'Starting', 'Stopping'].includes(s.state),
    ],
    [
      'Result, several (OR group)',
      () => ({ results: ['Failed', 'Warning'] }),
      (s) => s.result === 'Failed' || s.result === 'Warning',
    ],
    ['IsRetry true', () => ({ isRetry: true }), (s) => s.isRetry],
    ['IsRetry false', () => ({ isRetry: false }), (s) => !s.isRetry],
    [
      'CreationTime from/to',
      () => ({ creationFrom: window().from, creationTo: window().to }),
      (s) => s.creationTime >= window().from && s.creationTime <= window().to,
    ],
    // Running sessions carry the 1900 sentinel by default, so "ended before" matches them (em-api.md §7).
    ['EndTime to', () => ({ endTo: window().to }), (s) => (s.endTime ?? SENTINEL) <= window().to],
    ['EndTime from', () => ({ endFrom: window().from }), (s) => (s.endTime ?? SENTINEL) >= window().from],
    [
      'advanced, ANDed',
      () => ({ results: ['Failed'], advanced: 'IsRetry==false,JobType==Replica' }),
      (s) => s.result === 'Failed',
    ],
    ['a quote inside a value matches nothing', () => ({ jobName: 'SQL "Cluster" Replication' }), () => false],
  )

  it.each(cases)('%s', async (_name, filter, oracle) => {
    const answer = await fetchAll(filter())
    expect(uids(answer)).toEqual(uids(all.filter(oracle)))
  })

  it('sorts newest first when asked', async () => {
    const page = parseSessionsPage(
      decodeBody(
        await get(
          buildQueryPath({ filter: {}, page: 1, pageSize: 50, sort: { field: 'CreationTime', dir: 'desc' } }),
          'xml',
        ),
        'xml',
      ),
    )
    const times = page.items.map((s) => s.creationTime)
    expect(times).toEqual([...times].sort((a, b) => b - a))
    expect(times[0]).toBe(Math.max(...all.map((s) => s.creationTime)))
  })
})

describe('the same emulator page in XML and JSON', () => {
  it('parses to deep-equal domain objects', async () => {
    const path = buildQueryPath({
      filter: { results: ['Failed', 'Warning', 'None'] },
      page: 1,
      pageSize: 200,
    })
    const xml = parseSessionsPage(decodeBody(await get(path, 'xml'), 'xml'))
    const json = parseSessionsPage(decodeBody(await get(path, 'json'), 'json'))
    expect(xml.items.length).toBeGreaterThan(10)
    expect(xml).toEqual(json)
  })
})
