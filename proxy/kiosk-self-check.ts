// Kiosk mode's privilege self-check: at start the proxy signs in as the kiosk account (through the walls' own kiosk
// session, so the account logs on once and a wrong password backs off as the walls' logons do), asks EM (GET only)
// for one item of each thing the wall reads, and logs what EM allows and refuses. EM has no read-only role
// (em-api.md §10: a Portal User may start a VM failover or a data collection), so it also says plainly that only
// the proxy's allowlist keeps a wall read-only. The result is kept for `/readyz` and anything else that asks.
import { bufferedRequest, UpstreamFailure } from './buffered-request.ts'
import type { Upstream } from './forward.ts'
import { KioskLogonError, type KioskSession } from './kiosk-session.ts'

type Log = { info(line: string): void; warn(line: string): void }

/** What the wall reads, each probed with the cheapest request of its kind (one reference). */
export const KIOSK_PROBES = [
  { name: 'replica sessions', path: '/api/query?type=ReplicaJobSession&format=References&pageSize=1&page=1' },
  { name: 'jobs', path: '/api/query?type=Job&format=References&pageSize=1&page=1' },
] as const
export type ProbeName = (typeof KIOSK_PROBES)[number]['name']

/** `failed` carries EM's status when it was neither a success nor a 403. */
export type ProbeResult = 'allowed' | 'refused' | { failed: number }
export type ProbeRead = { name: ProbeName; path: string; result: ProbeResult }

/**
 * The self-check's outcome, for `/readyz` (issue 17) and the log; `off` without kiosk mode. `reduced` lists what the wall does without, in
 * the wall's own words ("jobs not readable by this account"); `at` is epoch ms.
 */
export type KioskAccess =
  | { state: 'off' }
  | { state: 'checking' }
  | { state: 'checked'; at: number; reads: ProbeRead[]; reduced: string[] }
  | { state: 'failed'; at: number; reason: string }

export type KioskSelfCheck = {
  /** The latest outcome; `checking` until the first one. */
  access(): KioskAccess
  /** Settles when a check has an outcome other than "EM unreachable" (or the check was stopped). */
  settled: Promise<void>
  /** Cancels a pending retry. */
  stop(): void
}

export const NO_READ_ONLY_ROLE =
  "Kiosk: EM has no read-only role: every role that reads replica sessions can also change something (a Portal User may start a VM failover or a data collection). Only this proxy's allowlist (GET only, no ?action=) keeps the wall read-only; keep EM_KIOSK_KEY secret. Portal User is the least privilege the wall works with."

const NOT_READABLE = 'not readable by this account'
const DEFAULT_RETRY_MS = 60_000

/**
 * Starts the check at once; when EM cannot be reached it tries again every `retryMs` until it gets an answer, and
 * after a refused logon it tries again when the kiosk session's backoff allows. `upstream` is the kiosk's own.
 */
export function startKioskSelfCheck(options: {
  upstream: Upstream
  session: KioskSession
  user: string
  log: Log
  retryMs?: number
  now?: () => number
}): KioskSelfCheck {
  const { upstream, session, user, log } = options
  const now = options.now ?? Date.now
  let access: KioskAccess = { state: 'checking' }
  let timer: NodeJS.Timeout | undefined
  let stopped = false
  let settle: () => void = () => undefined
  const settled = new Promise<void>((resolve) => {
    settle = resolve
  })

  const retryIn = (ms: number): void => {
    timer = setTimeout(() => void attempt(), ms)
    // A retry never keeps the process alive on its own.
    timer.unref()
  }
  const attempt = async (): Promise<void> => {
    try {
      access = await check({ upstream, session, user, log }, now)
    } catch (error) {
      // Stopped (the proxy is closing, its connections cut): nothing to say and nothing to retry.
      if (stopped) return
      if (error instanceof UpstreamFailure) {
        const retryMs = options.retryMs ?? DEFAULT_RETRY_MS
        log.warn(
          `Kiosk self-check: no answer from EM (${error.message}); trying again in ${Math.round(retryMs / 1000)} s`,
        )
        retryIn(retryMs)
        return
      }
      if (error instanceof KioskLogonError) {
        // The kiosk session has logged the refusal and its backoff; this says what the check could not do.
        const reason = `could not sign in as ${user} (EM answered ${error.status}): check EM_KIOSK_USER and EM_KIOSK_PASSWORD; an account without an EM role is refused the same way`
        log.warn(`Kiosk self-check: ${reason}`)
        access = { state: 'failed', at: now(), reason }
        retryIn(error.retryAfterMs)
        settle()
        return
      }
      const reason = error instanceof Error ? error.message : String(error)
      log.warn(`Kiosk self-check: could not finish: ${reason}`)
      access = { state: 'failed', at: now(), reason }
    }
    settle()
  }
  void attempt()
  return {
    access: () => access,
    settled,
    stop: () => {
      stopped = true
      clearTimeout(timer)
      settle()
    },
  }
}

async function check(
  kiosk: { upstream: Upstream; session: KioskSession; user: string; log: Log },
  now: () => number,
): Promise<KioskAccess> {
  const { upstream, session, user, log } = kiosk
  let token = await session.token()
  log.info(`Kiosk self-check: signed in to EM as ${user}`)
  const read = async (path: string) => {
    const get = () =>
      bufferedRequest(upstream, {
        method: 'GET',
        pathAndQuery: path,
        headers: { accept: 'application/xml', 'x-restsvcsessionid': token },
      })
    const answer = await get()
    if (answer.status !== 401) return answer
    // EM forgot the session since the walls last used it: the kiosk session logs on again, once.
    token = await session.renew(token)
    return get()
  }
  const reads: ProbeRead[] = []
  for (const probe of KIOSK_PROBES) {
    const answer = await read(probe.path)
    reads.push({ ...probe, result: resultOf(answer.status) })
    const report = reportOf(probe, answer.status)
    if (report.warn) log.warn(report.line)
    else log.info(report.line)
  }
  log.warn(NO_READ_ONLY_ROLE)
  const reduced = reads.flatMap((read) => (read.result === 'refused' ? [`${read.name} ${NOT_READABLE}`] : []))
  return { state: 'checked', at: now(), reads, reduced }
}

function resultOf(status: number): ProbeResult {
  if (status >= 200 && status <= 299) return 'allowed'
  return status === 403 ? 'refused' : { failed: status }
}

/** The log line for one probe, and whether it is a warning. */
function reportOf(probe: (typeof KIOSK_PROBES)[number], status: number): { warn: boolean; line: string } {
  const what = `Kiosk self-check: ${probe.name} (GET ${probe.path.slice(0, probe.path.indexOf('&'))})`
  const result = resultOf(status)
  if (result === 'allowed') return { warn: false, line: `${what}: allowed` }
  if (result !== 'refused')
    return { warn: true, line: `${what}: EM answered ${status}; the wall may show errors` }
  if (probe.name === 'jobs') {
    return {
      warn: true,
      line: `${what}: refused (403): the wall runs reduced: jobs ${NOT_READABLE}, so its job tiles count only jobs seen in sessions (reading jobs needs Portal Administrator)`,
    }
  }
  return {
    warn: true,
    line: `${what}: refused (403): the wall cannot show anything. Give EM_KIOSK_USER the role Portal User or Portal Administrator; Restore Operator roles cannot read replica sessions`,
  }
}
