import { createActionLog } from './action-log.ts'
import { readTrustedProxies } from './client-address.ts'
import { readPackageVersion } from './config-document.ts'
import { hostPort, parseEmUrl } from './em-url.ts'
import { defaultEmulatorCommand, type LaunchCommand, launchEmulator } from './emulator-launcher.ts'
import { type ProxyEnv, parseProxyEnv } from './env.ts'
import { createKioskHandler } from './kiosk.ts'
import { type KioskAccess, startKioskSelfCheck } from './kiosk-self-check.ts'
import { createKioskSession } from './kiosk-session.ts'
import { createProxyMiddleware, type Middleware } from './proxy-middleware.ts'
import { createUpstreamAgent } from './upstream-agent.ts'

/** Where /api goes: a real EM from EM_URL, or the embedded emulator this proxy started. */
export type EmTarget =
  | { kind: 'remote'; origin: URL; host: string }
  | { kind: 'emulator'; origin: URL; host: string; baseUrl: URL; pid: number }

export type EmProxy = {
  middleware: Middleware
  target: EmTarget
  /** What the kiosk account may read, from the self-check at start (kiosk-self-check.ts); for `/readyz`. */
  kioskAccess(): KioskAccess
  /** Drops pooled EM connections and stops the emulator, if one was started. */
  close(): Promise<void>
}

export type ProxyLog = { info(line: string): void; warn(line: string): void }

export type EmProxyOptions = {
  /** Off in Vite dev only, where React refresh injects an inline script. */
  contentSecurityPolicy: boolean
  /** Defaults to process.env. */
  env?: Readonly<Record<string, string | undefined>>
  log?: ProxyLog
  emulator?: {
    /** Replaces the whole default command, EM_EMULATOR_ARGS included; tests pass a fake child. */
    command?: LaunchCommand
    readyTimeoutMs?: number
    killGraceMs?: number
    output?: NodeJS.WritableStream
  }
}

const consoleLog: ProxyLog = { info: (line) => console.log(line), warn: (line) => console.error(line) }

/** Reads the environment once, starts the emulator when EM_URL is unset, and returns the middleware for dev, preview and serve alike; rejects with a readable message on bad settings. */
export async function createEmProxy(options: EmProxyOptions): Promise<EmProxy> {
  const env = parseProxyEnv(options.env ?? process.env)
  const trustedProxies = readTrustedProxies((options.env ?? process.env).TRUSTED_PROXIES)
  const log = options.log ?? consoleLog
  const version = readPackageVersion()
  if (env.tlsInsecure) {
    log.warn("WARNING: EM_TLS_INSECURE=1: Enterprise Manager's TLS certificate is NOT verified.")
  }

  const { target, stop } = await resolveTarget(env, options)
  log.info(describeTarget(target, env))

  if (env.kiosk !== undefined)
    log.info(`Kiosk mode on: wall screens with the key read EM as ${env.kiosk.user}`)

  const tls = { caPem: env.ca?.pem, insecure: env.tlsInsecure }
  const agent = createUpstreamAgent(target.origin, tls)
  // The kiosk session gets EM connections of its own: no browser's bytes ever share one with it, so no answer
  // to a browser's request can end up in the kiosk cache and be served to every wall.
  const kioskAgent = createUpstreamAgent(target.origin, tls)
  const upstream = { origin: target.origin, host: target.host, agent, timeoutMs: env.timeoutMs }
  const kioskUpstream = { ...upstream, agent: kioskAgent }
  // One EM session for the kiosk account, shared by the walls and the self-check: one logon, one backoff.
  const kioskSession = env.kiosk && createKioskSession(kioskUpstream, env.kiosk, log)
  const middleware = createProxyMiddleware({
    upstream,
    config: {
      emHost: target.kind === 'emulator' ? 'embedded emulator' : target.host,
      emulator: target.kind === 'emulator',
      version,
      kiosk: env.kiosk !== undefined,
    },
    contentSecurityPolicy: options.contentSecurityPolicy,
    kiosk: createKioskHandler({
      upstream: kioskUpstream,
      settings: env.kiosk,
      log,
      session: kioskSession || undefined,
    }),
    trustedProxies,
    actionLog: createActionLog(log),
  })
  const selfCheck =
    env.kiosk &&
    kioskSession &&
    startKioskSelfCheck({ upstream: kioskUpstream, session: kioskSession, user: env.kiosk.user, log })
  return {
    middleware,
    target,
    kioskAccess: () => selfCheck?.access() ?? { state: 'off' },
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
    return { target: { kind: 'remote', origin: env.emUrl, host: hostPort(env.emUrl) }, stop: async () => {} }
  }
  const running = await launchEmulator({
    ...options.emulator,
    command: options.emulator?.command ?? defaultEmulatorCommand(env.emulatorArgs),
  })
  try {
    const origin = parseEmUrl(running.baseUrl.href)
    const { baseUrl, pid } = running
    return { target: { kind: 'emulator', origin, host: hostPort(origin), baseUrl, pid }, stop: running.stop }
  } catch (error) {
    await running.stop()
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(`The embedded EM emulator announced an unusable URL ${running.baseUrl.href}: ${reason}`)
  }
}

function describeTarget(target: EmTarget, env: ProxyEnv): string {
  if (target.kind === 'emulator') return `EM: embedded emulator at ${target.baseUrl.href}`
  const address = target.origin.origin
  if (target.origin.protocol === 'http:') return `EM: ${address} (plain HTTP, not encrypted)`
  if (env.tlsInsecure) return `EM: ${address} (TLS NOT verified: EM_TLS_INSECURE=1)`
  return `EM: ${address} (TLS verified${env.ca === undefined ? '' : `, CA file ${env.ca.path}`})`
}
