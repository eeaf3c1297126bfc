// Issue 2 / 7 §7: filter + sort + page over a large history, measured over HTTP against the emulator process.
import type { Figure } from './report.ts'
import { residentMb, spawnEmulator } from './spawn-emulator.ts'
import { quantile } from './stats.ts'

const DAY = 86_400_000

/** Signs in to the emulator as admin and returns the session token. */
export async function logon(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}sessionMngr/?v=latest`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` },
  })
  const token = response.headers.get('x-restsvcsessionid')
  if (response.status !== 201 || !token) throw new Error(`logon failed: ${response.status}`)
  return token
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z')
}

/** Representative explorer and wall queries (References would be cheaper; the app asks for Entities). */
function workload(now: number): { name: string; query: string }[] {
  const q = (filter: string, rest: string) =>
    `query?type=ReplicaJobSession&format=Entities&filter=${encodeURIComponent(filter)}&${rest}`
  return [
    {
      name: 'failed, 7 days, newest first',
      query: q(
        `Result==Failed;CreationTime>="${iso(now - 7 * DAY)}"`,
        'sortDesc=CreationTime&pageSize=100&page=1',
      ),
    },
    {
      name: 'running now',
      query: q(
        '(State==Starting,State==Working,State==Resuming,State==Pausing,State==Stopping)',
        'pageSize=100',
      ),
    },
    {
      name: 'one server, by end time, page 3',
      query: q('BackupServerName!="none";IsRetry==false', 'sortAsc=EndTime&pageSize=250&page=3'),
    },
    {
      name: 'warning or worse, by job name',
      query: q(
        `Result>=Warning;CreationTime>="${iso(now - 30 * DAY)}"`,
        'sortAsc=JobName&pageSize=100&page=2',
      ),
    },
  ]
}

async function timeQuery(baseUrl: string, token: string, query: string): Promise<number> {
  const started = performance.now()
  const response = await fetch(baseUrl + query, { headers: { 'x-restsvcsessionid': token } })
  await response.arrayBuffer()
  if (response.status !== 200) throw new Error(`${query} answered ${response.status}`)
  return performance.now() - started
}

/** Emulator figures at `sessions` sessions; `iterations` timed rounds of the workload. */
export async function benchEmulator(options: { sessions: number; iterations: number }): Promise<Figure[]> {
  const section = `emulator ${options.sessions.toLocaleString('en')} sessions`
  const emulator = await spawnEmulator(['--sessions', String(options.sessions)])
  try {
    const token = await logon(emulator.baseUrl)
    const now = Date.now()
    const queries = workload(now)
    for (const { query } of queries) await timeQuery(emulator.baseUrl, token, query) // warm caches
    const samples: number[] = []
    for (let i = 0; i < options.iterations; i++) {
      for (const { query } of queries) samples.push(await timeQuery(emulator.baseUrl, token, query))
    }
    const nothing = `query?type=ReplicaJobSession&format=Entities&filter=${encodeURIComponent('Name=="no such session"')}&pageSize=100`
    const everything =
      'query?type=ReplicaJobSession&format=Entities&filter=JobType%3D%3DReplica&sortDesc=CreationTime&pageSize=100'
    const nothingMs: number[] = []
    const everythingMs: number[] = []
    for (let i = 0; i < Math.max(1, Math.ceil(options.iterations / 2)); i++) {
      nothingMs.push(await timeQuery(emulator.baseUrl, token, nothing))
      everythingMs.push(await timeQuery(emulator.baseUrl, token, everything))
    }
    return [
      {
        section,
        name: 'filter+sort+page p50 (HTTP, 100–250 entities)',
        value: quantile(samples, 0.5),
        unit: 'ms',
        budget: 50,
      },
      { section, name: 'filter+sort+page p95', value: quantile(samples, 0.95), unit: 'ms' },
      { section, name: 'first page, matches nothing, p50', value: quantile(nothingMs, 0.5), unit: 'ms' },
      {
        section,
        name: 'first page, matches everything, p50',
        value: quantile(everythingMs, 0.5),
        unit: 'ms',
      },
      {
        section,
        name: 'resident memory',
        value: residentMb(emulator.pid),
        unit: 'MB',
        note: `${samples.length} timed queries`,
      },
    ]
  } finally {
    await emulator.close()
  }
}
