// The host's own CA store, so a domain CA installed on the machine is trusted for EM as a browser on it would.
// Node 22.15+ reads it with tls.getCACertificates('system'); Node 20 cannot, so there the proxy reads the CA bundle
// file the distribution maintains (the same list of places Go and curl look in).
import { existsSync, readFileSync } from 'node:fs'
import * as tls from 'node:tls'

// Debian, Ubuntu, Arch and Alpine; Fedora and RHEL; RHEL 7+ extracted; openSUSE; macOS and Alpine.
export const CA_BUNDLE_FILES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
  '/etc/ssl/ca-bundle.pem',
  '/etc/ssl/cert.pem',
] as const

export type SystemCa = {
  /** PEM text of each certificate (or bundle) to trust besides Node's own roots; empty when none was found. */
  pems: string[]
  /** Where they came from, for the start-up line; or why there are none. */
  source: string
  found: boolean
}

export type SystemCaDeps = {
  env: Readonly<Record<string, string | undefined>>
  /** tls.getCACertificates where Node has it (22.15+), else undefined. */
  getCACertificates: ((type: 'system') => string[]) | undefined
  exists(path: string): boolean
  read(path: string): string
}

function nodeDeps(env: SystemCaDeps['env']): SystemCaDeps {
  const fromNode: unknown = Reflect.get(tls, 'getCACertificates')
  return {
    env,
    getCACertificates:
      typeof fromNode === 'function' ? (type) => Reflect.apply(fromNode, tls, [type]) : undefined,
    exists: existsSync,
    read: (path) => readFileSync(path, 'utf8'),
  }
}

const PEM = '-----BEGIN CERTIFICATE-----'

/** The system's CAs: SSL_CERT_FILE when set (OpenSSL's override), Node's reader where it exists, else the bundle file. */
export function readSystemCa(deps: SystemCaDeps): SystemCa {
  const override = deps.env.SSL_CERT_FILE?.trim()
  if (override) {
    const pem = deps.exists(override) ? deps.read(override) : ''
    if (!pem.includes(PEM)) throw new Error(`SSL_CERT_FILE: ${override} holds no PEM certificate`)
    return { pems: [pem], source: `SSL_CERT_FILE ${override}`, found: true }
  }
  if (deps.getCACertificates) {
    return { pems: deps.getCACertificates('system'), source: "the system's CA store", found: true }
  }
  for (const path of CA_BUNDLE_FILES) {
    if (!deps.exists(path)) continue
    const pem = deps.read(path)
    if (pem.includes(PEM)) return { pems: [pem], source: `the system's CA bundle ${path}`, found: true }
  }
  return {
    pems: [],
    source: `no system CA bundle found (this Node cannot read the system store; looked in ${CA_BUNDLE_FILES.join(', ')})`,
    found: false,
  }
}

/** readSystemCa on this machine. */
export function readHostCa(env: SystemCaDeps['env']): SystemCa {
  return readSystemCa(nodeDeps(env))
}
