import { readFileSync } from 'node:fs'
import { type EmAddress, parseEmUrl } from './em-url.ts'
import { type KioskSettings, readKioskEnv } from './kiosk-env.ts'

/** The proxy's settings, read once from the environment. */
export type ProxyEnv = {
  /** EM's origin and path prefix; undefined starts the embedded emulator. */
  emUrl: EmAddress | undefined
  ca: { path: string; pem: string } | undefined
  tlsInsecure: boolean
  timeoutMs: number
  emulatorArgs: string[]
  /** Wall screens' service account and access key; undefined when kiosk mode is off. */
  kiosk: KioskSettings | undefined
}

// 30 s: what signed-in screens effectively had while the browser gave up at 30 s, and what lets a wall recover
// from a hanging EM within a minute; a slow EM is given more with EM_TIMEOUT_MS.
const defaultTimeoutMs = 30_000
/** The longest EM_TIMEOUT_MS: the browser stops waiting a little later (src/em/http.ts BROWSER_TIMEOUT_MS). */
export const MAX_EM_TIMEOUT_MS = 120_000

/** Reads EM_URL, EM_CA_FILE, EM_TLS_INSECURE, EM_TIMEOUT_MS, EM_EMULATOR_ARGS and EM_KIOSK_*; throws one readable message per bad variable. */
export function parseProxyEnv(env: Readonly<Record<string, string | undefined>>): ProxyEnv {
  return {
    emUrl: readEmUrl(env.EM_URL),
    ca: readCaFile(env.EM_CA_FILE),
    tlsInsecure: readFlag('EM_TLS_INSECURE', env.EM_TLS_INSECURE),
    timeoutMs: readTimeout(env.EM_TIMEOUT_MS),
    emulatorArgs: (env.EM_EMULATOR_ARGS ?? '').split(/\s+/).filter((arg) => arg !== ''),
    kiosk: readKioskEnv(env),
  }
}

function readEmUrl(value: string | undefined): EmAddress | undefined {
  if (value === undefined || value.trim() === '') return undefined
  try {
    return parseEmUrl(value.trim())
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(
      `EM_URL must be Enterprise Manager's address, e.g. EM_URL=https://em.example.com:9398 or, behind a reverse proxy, https://gateway.example.com/veeam-em (got "${value}": ${reason}). Leave it unset to use the embedded emulator.`,
    )
  }
}

function readCaFile(path: string | undefined): ProxyEnv['ca'] {
  if (path === undefined || path.trim() === '') return undefined
  let pem: string
  try {
    pem = readFileSync(path, 'utf8')
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(`EM_CA_FILE: cannot read the CA certificate file ${path} (${reason})`)
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new Error(`EM_CA_FILE: ${path} holds no PEM certificate (expected "-----BEGIN CERTIFICATE-----")`)
  }
  return { path, pem }
}

function readFlag(name: string, value: string | undefined): boolean {
  const normalised = (value ?? '').trim().toLowerCase()
  if (['', '0', 'false', 'no'].includes(normalised)) return false
  if (['1', 'true', 'yes'].includes(normalised)) return true
  throw new Error(`${name} must be 1 or 0 (got "${value}")`)
}

function readTimeout(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return defaultTimeoutMs
  const ms = Number(value)
  if (!Number.isInteger(ms) || ms <= 0 || ms > MAX_EM_TIMEOUT_MS) {
    throw new Error(
      `EM_TIMEOUT_MS must be a whole number of milliseconds from 1 to ${MAX_EM_TIMEOUT_MS}, e.g. EM_TIMEOUT_MS=60000 (got "${value}"); browsers stop waiting soon after ${MAX_EM_TIMEOUT_MS / 1000} s`,
    )
  }
  return ms
}
