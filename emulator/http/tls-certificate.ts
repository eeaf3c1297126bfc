import { isIP } from 'node:net'
import { generate } from 'selfsigned'

export interface TlsCertificate {
  key: string
  cert: string
}

function altName(host: string): { type: 2; value: string } | { type: 7; ip: string } {
  const bare = host.replace(/^\[|\]$/g, '')
  return isIP(bare) === 0 ? { type: 2, value: bare } : { type: 7, ip: bare }
}

/** A fresh self-signed certificate for localhost, 127.0.0.1, ::1 and the given extra hosts (em-api.md §1 TLS). */
export async function createTlsCertificate(extraHosts: readonly string[]): Promise<TlsCertificate> {
  const hosts = [...new Set(['localhost', '127.0.0.1', '::1', ...extraHosts])]
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: hosts.map(altName) },
    ],
  })
  return { key: pems.private, cert: pems.cert }
}
