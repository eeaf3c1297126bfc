import { Agent as HttpAgent } from 'node:http'
import { Agent as HttpsAgent } from 'node:https'
import { rootCertificates } from 'node:tls'

/** TLS trust for EM: Node's roots plus an optional extra CA, or no verification at all. */
export type UpstreamTls = { caPem: string | undefined; insecure: boolean }

/** A keep-alive agent for EM's origin; https verifies against Node's roots plus `caPem` unless `insecure`. */
export function createUpstreamAgent(origin: URL, tls: UpstreamTls): HttpAgent {
  if (origin.protocol === 'http:') return new HttpAgent({ keepAlive: true })
  return new HttpsAgent({
    keepAlive: true,
    rejectUnauthorized: !tls.insecure,
    ...(tls.caPem === undefined ? {} : { ca: [...rootCertificates, tls.caPem] }),
  })
}
