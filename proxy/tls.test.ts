import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generate } from 'selfsigned'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { close, listen, memoryLog, send, startProxy } from './test-servers.ts'

// EM on Linux generates a self-signed certificate (em-api.md §1); this stands in for it.
let em: Server
let emUrl: string
let caFile: string
let systemBundle: string
const dir = mkdtempSync(join(tmpdir(), 'em-proxy-tls-'))

beforeAll(async () => {
  const pems = await generate([{ name: 'commonName', value: 'em.test' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  })
  caFile = join(dir, 'em-ca.pem')
  writeFileSync(caFile, pems.cert)
  const other = await generate([{ name: 'commonName', value: 'some other CA' }], {
    keySize: 2048,
    algorithm: 'sha256',
  })
  systemBundle = join(dir, 'system-bundle.pem')
  writeFileSync(systemBundle, other.cert)
  em = createServer({ key: pems.private, cert: pems.cert }, (_, res) => {
    res.setHeader('Content-Type', 'application/xml')
    res.end('<EnterpriseManager/>')
  })
  emUrl = `https://127.0.0.1:${await listen(em)}/`
})

afterAll(async () => {
  await close(em)
  rmSync(dir, { recursive: true, force: true })
})

async function fetchThrough(env: Record<string, string>) {
  const { log, lines } = memoryLog()
  // The system store of this test is a bundle without EM's CA, the same on every machine.
  const proxy = await startProxy({
    contentSecurityPolicy: true,
    env: { EM_URL: emUrl, SSL_CERT_FILE: systemBundle, ...env },
    log,
  })
  try {
    return { answer: await send(proxy.port, '/api/'), lines }
  } finally {
    await proxy.close()
  }
}

describe('TLS to EM', () => {
  it('verifies by default: a self-signed certificate is a 502 that says what to do', async () => {
    const { answer, lines } = await fetchThrough({})
    expect(answer.status).toBe(502)
    expect(JSON.parse(answer.body.toString()).message).toContain(
      "certificate not trusted; set EM_CA_FILE to the CA that signed EM's certificate",
    )
    expect(lines.info).toEqual([
      `EM: ${emUrl.slice(0, -1)} (TLS verified against Node's CAs, SSL_CERT_FILE ${systemBundle})`,
    ])
  })

  it('trusts a CA installed in the system store (here: the bundle SSL_CERT_FILE names), without EM_CA_FILE', async () => {
    const { answer, lines } = await fetchThrough({ SSL_CERT_FILE: caFile })
    expect(answer.status).toBe(200)
    expect(lines.info).toEqual([
      `EM: ${emUrl.slice(0, -1)} (TLS verified against Node's CAs, SSL_CERT_FILE ${caFile})`,
    ])
  })

  it('trusts the CA in EM_CA_FILE', async () => {
    const { answer, lines } = await fetchThrough({ EM_CA_FILE: caFile })
    expect(answer.status).toBe(200)
    expect(answer.body.toString()).toBe('<EnterpriseManager/>')
    expect(lines.info).toEqual([
      `EM: ${emUrl.slice(0, -1)} (TLS verified against Node's CAs, SSL_CERT_FILE ${systemBundle}, CA file ${caFile})`,
    ])
  })

  it('skips verification with EM_TLS_INSECURE=1 and warns about it', async () => {
    const { answer, lines } = await fetchThrough({ EM_TLS_INSECURE: '1' })
    expect(answer.status).toBe(200)
    expect(lines.warn).toEqual([
      "WARNING: EM_TLS_INSECURE=1: Enterprise Manager's TLS certificate is NOT verified.",
    ])
  })
})
