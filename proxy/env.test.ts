import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { BROWSER_TIMEOUT_MS } from '../src/em/http.ts'
import { MAX_EM_TIMEOUT_MS, parseProxyEnv } from './env.ts'

const dir = mkdtempSync(join(tmpdir(), 'em-proxy-env-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('parseProxyEnv', () => {
  it('defaults to the embedded emulator, verified TLS and a 60 s timeout', () => {
    expect(parseProxyEnv({})).toEqual({
      emUrl: undefined,
      ca: undefined,
      tlsInsecure: false,
      timeoutMs: 30_000,
      emulatorArgs: [],
    })
  })

  it('reads every variable', () => {
    const caPath = join(dir, 'ca.pem')
    writeFileSync(caPath, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n')
    const env = parseProxyEnv({
      EM_URL: 'https://em.example.com:9398/api/',
      EM_CA_FILE: caPath,
      EM_TLS_INSECURE: '1',
      EM_TIMEOUT_MS: '2500',
      EM_EMULATOR_ARGS: ' --control  --sessions 20000 ',
    })
    expect(env.emUrl).toEqual({ origin: new URL('https://em.example.com:9398'), pathPrefix: '' })
    expect(env.ca?.path).toBe(caPath)
    expect(env.ca?.pem).toContain('BEGIN CERTIFICATE')
    expect(env.tlsInsecure).toBe(true)
    expect(env.timeoutMs).toBe(2500)
    expect(env.emulatorArgs).toEqual(['--control', '--sessions', '20000'])
  })

  it('names EM_URL and shows an example when the URL is bad', () => {
    expect(() => parseProxyEnv({ EM_URL: 'em.example.com' })).toThrow(
      /EM_URL must be .*e\.g\. EM_URL=https:\/\/em\.example\.com:9398/,
    )
  })

  it('names the path of an unreadable CA file', () => {
    const missing = join(dir, 'missing.pem')
    expect(() => parseProxyEnv({ EM_CA_FILE: missing })).toThrow(
      `EM_CA_FILE: cannot read the CA certificate file ${missing}`,
    )
  })

  it('refuses a CA file without a PEM certificate', () => {
    const junk = join(dir, 'junk.pem')
    writeFileSync(junk, 'hello')
    expect(() => parseProxyEnv({ EM_CA_FILE: junk })).toThrow(`EM_CA_FILE: ${junk} holds no PEM certificate`)
  })

  it('keeps EM_TIMEOUT_MS below the time the browser waits, so the proxy’s 504 always reaches it', () => {
    expect(parseProxyEnv({ EM_TIMEOUT_MS: String(MAX_EM_TIMEOUT_MS) }).timeoutMs).toBe(MAX_EM_TIMEOUT_MS)
    expect(MAX_EM_TIMEOUT_MS).toBeLessThan(BROWSER_TIMEOUT_MS)
    expect(parseProxyEnv({}).timeoutMs).toBeLessThan(BROWSER_TIMEOUT_MS)
    expect(() => parseProxyEnv({ EM_TIMEOUT_MS: String(MAX_EM_TIMEOUT_MS + 1) })).toThrow(
      /EM_TIMEOUT_MS must be a whole number of milliseconds from 1 to 120000/,
    )
  })

  it.each([['abc'], ['0'], ['-5'], ['1.5']])('refuses EM_TIMEOUT_MS=%s', (value) => {
    expect(() => parseProxyEnv({ EM_TIMEOUT_MS: value })).toThrow(/EM_TIMEOUT_MS must be/)
  })

  it('refuses an unclear EM_TLS_INSECURE', () => {
    expect(() => parseProxyEnv({ EM_TLS_INSECURE: 'maybe' })).toThrow('EM_TLS_INSECURE must be 1 or 0')
  })
})
