import { createActionLog } from './action-log.ts'
import { bufferedRequest } from './buffered-request.ts'
import { readTrustedProxies } from './client-address.ts'
import { readPackageVersion } from './config-document.ts'
import { hostPort, parseEmUrl } from './em-url.ts'
import { watchAll } from './em-watch.ts'
import { defaultEmulatorCommand, type LaunchCommand, launchEmulator } from './emulator-launcher.ts'
import { type ProxyEnv, parseProxyEnv } from './env.ts'
import { createKioskHandler } from './kiosk.ts'
import { type KioskAccess, startKioskSelfCheck } from './kiosk-self-check.ts'
import { createKioskSession } from './kiosk-session.ts'
import { createProxyLogger, type ProxyLog, readLogLevel } from './log.ts'
import { createProxyMetrics, type ProxyMetrics } from './metrics.ts'
import { createProxyMiddleware, type Middleware } from './proxy-middleware.ts'
import { createEmHealth, createReadiness, type Readiness } from './readiness.ts'
import { readHostCa } from './system-ca.ts'
import { createUpstreamAgent } from './upstream-agent.ts'

export type { ProxyLog }

/** Where /api goes: a real EM from EM_URL, or the embedded emulator this proxy started. */
export type EmTarget =
  | { kind: 'remote'; origin: URL; pathPrefix: string; host: string }
  | { kind: 'emulator'; origin: URL; pathPrefix: string; host: string; baseUrl: URL; pid: number }

export type EmProxy = {
  middleware: Middleware
  target: EmTarget
  /** What the kiosk account may read, from the self-check at start (kiosk-self-check.ts); for `/readyz`. */
  kioskAccess(): KioskAccess
  metrics: ProxyMetrics
  /** `/readyz`'s verdict; `drain()` turns it to "draining" for a graceful shutdown. */
  readiness: Readiness
  log: ProxyLog
  /** Logs the kiosk account off EM (graceful shutdown); nothing without kiosk mode. */
  logOffKiosk(): Promise<void>
  /** Drops pooled EM connections and stops the emulator, if one was started. */
  close(): Promise<void>
}

export type EmProxyOptions = {
  /** Off in Vite dev only, where React refresh injects an inline script. */
  contentSecurityPolicy: boolean
  /** Defaults to process.env. */
  env?: Readonly<Record<string, string | undefined>>
  /** Defaults to a pino logger on stdout (log.ts) at LOG_LEVEL. */
  log?: ProxyLog
  /** Defaults to a fresh registry; `npm run serve` passes its own to serve it on METRICS_ADDR. */
  metrics?: ProxyMetrics
  /** Logs and counts each request (default on); Vite dev turns it off, where every source module is a request. */
  observeRequests?: boolean
  emulator?: {
    /** Replaces the whole default command, EM_EMULATOR_ARGS included; tests pass a fake child. */
    command?: LaunchCommand
    readyTimeoutMs?: number
    killGraceMs?: number
    output?: NodeJS.WritableStream
  }
}

/** Reads the environment once, starts the emulator when EM_URL is unset, and returns the middleware for dev, preview and serve alike; rejects with a readable message on bad settings. */
export async function createEmProxy(options: EmProxyOptions): Promise<EmProxy> {
  const rawEnv = options.env ?? process.env
  const env = parseProxyEnv(rawEnv)
  const trustedProxies = readTrustedProxies(rawEnv.TRUSTED_PROXIES)
  const log = options.log ?? createProxyLogger({ level: readLogLevel(rawEnv.LOG_LEVEL) })
  const metrics = options.metrics ?? createProxyMetrics()
  const emHealth = createEmHealth()
  const version = readPackageVersion()
  if (env.tlsInsecure) {
    log.warn("WARNING: EM_TLS_INSECURE=1: Enterprise Manager's TLS certificate is NOT verified.")
  }

  const { target, stop } = await resolveTarget(env, options)

  // The host's CA store matters only for verified TLS to a real EM (the emulator speaks plain HTTP on loopback).
  const verifies = target.origin.protocol === 'https:' && !env.tlsInsecure
  const systemCa = verifies ? readHostCa(options.env ?? process.env) : undefined
  if (systemCa?.found === false) {
    log.warn(
      `TLS: ${systemCa.source}. Only Node's bundled CAs are trusted for EM: set SSL_CERT_FILE to the system's CA bundle, or EM_CA_FILE to the CA that signed EM's certificate.`,
    )
  }
  log.info(describeTarget(target, env, systemCa?.found ? systemCa.source : undefined))
  if (env.kiosk !== undefined)
    log.info(`Kiosk mode on: wall screens with the key read EM as ${env.kiosk.user}`)
  const tls = { caPem: env.ca?.pem, systemPems: systemCa?.pems ?? [], insecure: env.tlsInsecure }
  const agent = createUpstreamAgent(target.origin, tls)
  // The kiosk session gets EM connections of its own: no browser's bytes ever share one with it, so no answer
  // to a browser's request can end up in the kiosk cache and be served to every wall.
  const kioskAgent = createUpstreamAgent(target.origin, tls)
  const plain = {
    origin: target.origin,
    pathPrefix: target.pathPrefix,
    host: target.host,
    agent,
    timeoutMs: env.timeoutMs,
  }
  const watch = (source: 'browser' | 'kiosk' | 'probe') => watchAll(metrics.emWatch(source), emHealth.watch)
  const upstream = { ...plain, watch: watch('browser') }
  const kioskUpstream = { ...plain, agent: kioskAgent, watch: watch('kiosk') }
  // One EM session for the kiosk account, shared by the walls and the self-check: one logon, one backoff.
  const kioskSession =
    env.kiosk && createKioskSession(kioskUpstream, env.kiosk, log, { onLogon: metrics.kioskLogon })
  // The self-check starts below, once the middleware exists; this reads it only when asked.
  const kioskAccess = (): KioskAccess => (selfCheck ? selfCheck.access() : { state: 'off' })
  // EM's entry point needs no session (em-api.md §2): the cheapest "are you there" there is.
  const probeUpstream = { ...plain, watch: watch('probe') }
  const readiness = createReadiness({
    lastAnswerAt: emHealth.lastAnswerAt,
    probe: () =>
      bufferedRequest(probeUpstream, {
        method: 'GET',
        pathAndQuery: '/api/',
        headers: { accept: 'application/xml' },
      })
        .then(() => undefined)
        .catch(() => undefined),
    ...(kioskSession ? { kiosk: { session: kioskSession, access: kioskAccess } } : {}),
  })
  const middleware = createProxyMiddleware({
    upstream,
    config: {
      emHost: target.kind === 'emulator' ? 'embedded emulator' : target.host,
      emulator: target.kind === 'emulator',
      version,
    },
    contentSecurityPolicy: options.contentSecurityPolicy,
    kiosk: createKioskHandler({
      upstream: kioskUpstream,
      settings: env.kiosk,
      log,
      session: kioskSession || undefined,
      onCache: metrics.kioskCache,
    }),
    trustedProxies,
    health: { readiness, version, startedAt: Date.now() },
    ...(options.observeRequests === false ? {} : { observer: { log, metrics, trustedProxies } }),
    actionLog: createActionLog(log),
  })
  const selfCheck =
    env.kiosk &&
    kioskSession &&
    startKioskSelfCheck({ upstream: kioskUpstream, session: kioskSession, user: env.kiosk.user, log })
  return {
    middleware,
    target,
    kioskAccess,
    metrics,
    readiness,
    log,
    logOffKiosk: async () => {
      selfCheck?.stop()
      if (kioskSession) await kioskSession.logOff()
    },
    close: async () => {
      selfCheck?.stop()
      agent.destroy()
      kioskAgent.destroy()
      await stop()
    },
  }
}

/** EM_URL's EM, or else a freshly started emulator; `stop` ends what was started. */
async function resolveTarget(
  env: ProxyEnv,
  options: EmProxyOptions,
): Promise<{ target: EmTarget; stop(): Promise<void> }> {
  if (env.emUrl !== undefined) {
    const { origin, pathPrefix } = env.emUrl
    // The host line names the prefix too: two EMs behind one gateway differ only there.
    const host = `${hostPort(origin)}${pathPrefix}`
    return { target: { kind: 'remote', origin, pathPrefix, host }, stop: async () => {} }
  }
  const running = await launchEmulator({
    ...options.emulator,
    command: options.emulator?.command ?? defaultEmulatorCommand(env.emulatorArgs),
  })
  try {
    const { origin, pathPrefix } = parseEmUrl(running.baseUrl.href)
    const { baseUrl, pid } = running
    return {
      target: { kind: 'emulator', origin, pathPrefix, host: hostPort(origin), baseUrl, pid },
      stop: running.stop,
    }
  } catch (error) {
    await running.stop()
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(`The embedded EM emulator announced an unusable URL ${running.baseUrl.href}: ${reason}`)
  }
}

function describeTarget(target: EmTarget, env: ProxyEnv, systemCa: string | undefined): string {
  if (target.kind === 'emulator') return `EM: embedded emulator at ${target.baseUrl.href}`
  const address = `${target.origin.origin}${target.pathPrefix}`
  if (target.origin.protocol === 'http:') return `EM: ${address} (plain HTTP, not encrypted)`
  if (env.tlsInsecure) return `EM: ${address} (TLS NOT verified: EM_TLS_INSECURE=1)`
  const trusted = ["Node's CAs", systemCa, env.ca === undefined ? undefined : `CA file ${env.ca.path}`]
  return `EM: ${address} (TLS verified against ${trusted.filter((part) => part !== undefined).join(', ')})`
}
