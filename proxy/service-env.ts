// `npm run serve`'s own settings as a service: metrics, shutdown bound, log level. Read once at start; a bad
// value stops the start with one readable message.
import type { Level } from 'pino'
import { readLogLevel } from './log.ts'

export type ServiceEnv = {
  /** Where /metrics is served; undefined when METRICS is off. */
  metrics: { host: string; port: number } | undefined
  /** How long SIGTERM waits for requests in flight before cutting them. */
  shutdownTimeoutMs: number
  logLevel: Level
}

/** Prometheus' registry of default ports lists 9464 for OpenTelemetry-style exporters; loopback only by default. */
export const DEFAULT_METRICS_ADDR = '127.0.0.1:9464'
const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000

/** Reads METRICS, METRICS_ADDR, SHUTDOWN_TIMEOUT_MS and LOG_LEVEL. */
export function readServiceEnv(env: Readonly<Record<string, string | undefined>>): ServiceEnv {
  const on = ['1', 'true', 'yes'].includes((env.METRICS ?? '').trim().toLowerCase())
  if (!on && !['', '0', 'false', 'no'].includes((env.METRICS ?? '').trim().toLowerCase())) {
    throw new Error(`METRICS must be 1 or 0 (got "${env.METRICS}")`)
  }
  return {
    metrics: on ? readAddress(env.METRICS_ADDR) : undefined,
    shutdownTimeoutMs: readShutdownTimeout(env.SHUTDOWN_TIMEOUT_MS),
    logLevel: readLogLevel(env.LOG_LEVEL),
  }
}

function readAddress(text: string | undefined): { host: string; port: number } {
  const value = (text ?? '').trim() === '' ? DEFAULT_METRICS_ADDR : (text ?? '').trim()
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]\s]+)):(\d{1,5})$/.exec(value)
  const port = Number(match?.[3])
  const host = match?.[1] ?? match?.[2]
  if (host === undefined || !Number.isInteger(port) || port > 65_535) {
    throw new Error(
      `METRICS_ADDR must be host:port, e.g. METRICS_ADDR=127.0.0.1:9464 (or [::1]:9464) (got "${text}")`,
    )
  }
  return { host, port }
}

function readShutdownTimeout(text: string | undefined): number {
  if (text === undefined || text.trim() === '') return DEFAULT_SHUTDOWN_TIMEOUT_MS
  const ms = Number(text)
  if (!Number.isInteger(ms) || ms < 0) {
    throw new Error(`SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds, e.g. 10000 (got "${text}")`)
  }
  return ms
}
