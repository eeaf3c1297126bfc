import { Agent as HttpAgent } from 'node:http'
import { Agent as HttpsAgent } from 'node:https'
import { rootCertificates } from 'node:tls'

/** TLS trust for EM: Node's roots, the system's CAs and an optional extra CA, or no verification at all. */
export type UpstreamTls = { caPem: string | undefined; systemPems: readonly string[]; insecure: boolean }

/** A keep-alive agent for EM's origin; https verifies against Node's roots, the system's and `caPem` unless `insecure`. */
export function createUpstreamAgent(origin: URL, tls: UpstreamTls): HttpAgent {
  if (origin.protocol === 'http:') return new HttpAgent({ keepAlive: true })
  return new HttpsAgent({
    keepAlive: true,
    rejectUnauthorized: !tls.insecure,
    // Setting `ca` replaces Node's roots: they are listed first, so nothing a public CA signs is lost.
    ca: [...rootCertificates, ...tls.systemPems, ...(tls.caPem === undefined ? [] : [tls.caPem])],
  })
}
