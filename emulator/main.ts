// CLI: `tsx emulator/main.ts [flags]` starts a fake Enterprise Manager; see --help.
import { parseArgs } from 'node:util'
import { parseUsers } from './handlers/accounts.ts'
import {
  DEFAULT_PUBLIC_URL,
  DEFAULT_SESSION_TTL_SECONDS,
  DEFAULT_TASK_DELAYS_MS,
} from './handlers/context.ts'
import { type StartOptions, startEmulator } from './http/start.ts'

const USAGE = `Usage: tsx emulator/main.ts [options]

  --port N                 port to listen on (default 9399; 0 picks a free port)
  --host HOST              interface to listen on (default 127.0.0.1)
  --tls                    serve HTTPS with a self-signed certificate generated at start
  --seed N                 data generator seed (default 1)
  --sessions N             approximate number of replica job sessions (default ~3000)
  --vms N, --jobs N, --days N
                           a data set by shape instead: N VMs in N replica jobs with N days of history
                           (any one given; the others default to 2000 VMs, 150 jobs, 30 days)
  --public-url URL         base of every Href (default ${DEFAULT_PUBLIC_URL})
  --session-ttl SECONDS    idle expiry of logon sessions (default ${DEFAULT_SESSION_TTL_SECONDS})
  --users LIST             accounts user:pass[:role[+role...]],... (default admin:admin); roles of em-api.md §10:
                           portal-admin (default; alias admin), portal-user, vm-restore-operator,
                           file-restore-operator, app-restore-operator; restore = all three restore
                           operators; none = no role (logon refused)
  --control                mount the /__emulator/ control surface (faults, reset, stats, config)
  --end-time MODE          running sessions' EndTimeUTC: sentinel (default), empty or absent
  --task-path SPELLING     Down link spelling: replicaTaskSessions (default) or repicaTaskSessions
  --bom                    start every JSON body with a UTF-8 BOM (EM 9.5 behaviour)
  --collect-every MINUTES  EM's data collection: publish what the backup servers did only every MINUTES
                           (EM's default is 15), or 'manual' (only on ?action=collect); default: at once
  --task-delays MS,MS      how long an action's task is Running, then OperationFinished (default 3000,2000)
  --action-run SECONDS     length of a run that Start or Retry begins (default: 3-20 minutes, as scheduled)
  --help                   show this text`

class UsageError extends Error {}

function integer(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined
  const value = Number(text)
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new UsageError(`--${name} must be an integer from ${min} to ${max}, got '${text}'.`)
  }
  return value
}

function oneOf<T extends string>(
  name: string,
  text: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (text === undefined) return undefined
  const found = allowed.find((value) => value === text)
  if (found === undefined)
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, got '${text}'.`)
  return found
}

function publicUrl(text: string | undefined): string | undefined {
  if (text === undefined) return undefined
  // Hrefs are built by appending to the base, which ends in /api/ like EM's own (em-api.md §1).
  const base = text.endsWith('/api') ? `${text}/` : text
  if (!URL.canParse(base) || !/^https?:$/.test(new URL(base).protocol) || !base.endsWith('/api/')) {
    throw new UsageError(`--public-url must be an http(s) URL ending in /api/, got '${text}'.`)
  }
  return base
}

function collectEvery(text: string | undefined): number | 'manual' | undefined {
  if (text === undefined || text === 'manual') return text
  return integer('collect-every', text, 1, 1440)
}

function taskDelays(text: string | undefined): readonly [number, number] | undefined {
  if (text === undefined) return undefined
  const parts = text.split(',')
  const [running, finishing] = parts.map((part) => integer('task-delays', part, 0, 600_000))
  if (parts.length !== 2 || running === undefined || finishing === undefined) {
    throw new UsageError(
      `--task-delays must be two integers like ${DEFAULT_TASK_DELAYS_MS.join(',')}, got '${text}'.`,
    )
  }
  return [running, finishing]
}

function optionsFrom(args: string[]): StartOptions | 'help' {
  const { values } = parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      tls: { type: 'boolean' },
      seed: { type: 'string' },
      sessions: { type: 'string' },
      vms: { type: 'string' },
      jobs: { type: 'string' },
      days: { type: 'string' },
      'public-url': { type: 'string' },
      'session-ttl': { type: 'string' },
      users: { type: 'string' },
      control: { type: 'boolean' },
      'end-time': { type: 'string' },
      'task-path': { type: 'string' },
      bom: { type: 'boolean' },
      'collect-every': { type: 'string' },
      'task-delays': { type: 'string' },
      'action-run': { type: 'string' },
      help: { type: 'boolean' },
    },
  })
  if (values.help === true) return 'help'
  let users: StartOptions['users']
  try {
    users = values.users === undefined ? undefined : parseUsers(values.users)
  } catch (error) {
    throw new UsageError(`--users: ${error instanceof Error ? error.message : String(error)}`)
  }
  const shaped = [values.vms, values.jobs, values.days].some((value) => value !== undefined)
  if (shaped && values.sessions !== undefined)
    throw new UsageError('--sessions and --vms/--jobs/--days describe the data set two ways; give one.')
  const layout = shaped
    ? {
        vms: integer('vms', values.vms, 1, 100_000) ?? 2000,
        jobs: integer('jobs', values.jobs, 1, 5000) ?? 150,
        days: integer('days', values.days, 1, 365) ?? 30,
      }
    : undefined
  if (layout !== undefined && layout.vms < layout.jobs)
    throw new UsageError(
      `--vms (${layout.vms}) must be at least --jobs (${layout.jobs}): every job has a VM.`,
    )
  return {
    layout,
    port: integer('port', values.port, 0, 65_535) ?? 9399,
    host: values.host ?? '127.0.0.1',
    tls: values.tls === true,
    seed: integer('seed', values.seed, 0, 2 ** 32 - 1),
    sessions: integer('sessions', values.sessions, 0, 1_000_000),
    publicUrl: publicUrl(values['public-url']),
    sessionTtlSeconds: integer('session-ttl', values['session-ttl'], 1, 31_536_000),
    users,
    control: values.control === true,
    endTimeMode: oneOf('end-time', values['end-time'], ['sentinel', 'empty', 'absent']),
    taskPathSpelling: oneOf('task-path', values['task-path'], ['replicaTaskSessions', 'repicaTaskSessions']),
    bom: values.bom === true,
    collectEveryMinutes: collectEvery(values['collect-every']),
    taskDelaysMs: taskDelays(values['task-delays']),
    actionRunSeconds: integer('action-run', values['action-run'], 1, 3600),
  }
}

async function main(): Promise<void> {
  let options: StartOptions | 'help'
  try {
    options = optionsFrom(process.argv.slice(2))
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`)
    process.exit(2)
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`)
    return
  }
  const emulator = await startEmulator(options)
  if (emulator.caFile !== undefined) process.stdout.write(`EM emulator TLS certificate: ${emulator.caFile}\n`)
  const count = emulator.context.store.sessions.length
  process.stdout.write(
    `EM emulator listening on ${emulator.url} (${count} sessions, seed ${options.seed ?? 1})\n`,
  )
  const stop = () => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  process.stderr.write(
    `EM emulator failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  )
  process.exit(1)
})
