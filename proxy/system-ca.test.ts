import { describe, expect, it } from 'vitest'
import { CA_BUNDLE_FILES, readSystemCa, type SystemCaDeps } from './system-ca.ts'

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'

function deps(over: Partial<SystemCaDeps> & { files?: Record<string, string> }): SystemCaDeps {
  const files = over.files ?? {}
  return {
    env: {},
    getCACertificates: undefined,
    exists: (path) => path in files,
    read: (path) => files[path] ?? '',
    ...over,
  }
}

describe('readSystemCa', () => {
  it('uses Node’s own reader of the system store where Node has one (22.15+)', () => {
    const ca = readSystemCa(deps({ getCACertificates: () => [PEM, PEM] }))
    expect(ca).toEqual({ pems: [PEM, PEM], source: "the system's CA store", found: true })
  })

  it('reads the distribution’s bundle file on Node 20, the first that exists', () => {
    const [, rhel, rhel7] = CA_BUNDLE_FILES
    const ca = readSystemCa(deps({ files: { [rhel]: PEM, [rhel7]: 'other' } }))
    expect(ca).toEqual({ pems: [PEM], source: `the system's CA bundle ${rhel}`, found: true })
  })

  it('takes SSL_CERT_FILE first, as OpenSSL does, and refuses one that holds no certificate', () => {
    const files = { '/opt/ca.pem': PEM, [CA_BUNDLE_FILES[0]]: PEM, '/opt/empty.pem': '' }
    expect(readSystemCa(deps({ env: { SSL_CERT_FILE: '/opt/ca.pem' }, files }))).toMatchObject({
      source: 'SSL_CERT_FILE /opt/ca.pem',
    })
    expect(() => readSystemCa(deps({ env: { SSL_CERT_FILE: '/opt/empty.pem' }, files }))).toThrow(
      'SSL_CERT_FILE: /opt/empty.pem holds no PEM certificate',
    )
  })

  it('says where it looked when there is none', () => {
    const ca = readSystemCa(deps({}))
    expect(ca.found).toBe(false)
    expect(ca.pems).toEqual([])
    expect(ca.source).toContain('looked in /etc/ssl/certs/ca-certificates.crt')
  })
})
