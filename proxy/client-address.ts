// Who is asking, for the per-address limits. Behind a reverse proxy every request comes from that proxy, so its
// X-Forwarded-For is believed, but only when the connection comes from an address listed in TRUSTED_PROXIES.
import type { IncomingMessage } from 'node:http'
import { isIP } from 'node:net'

/** Reads TRUSTED_PROXIES: comma-separated IP addresses whose X-Forwarded-For names the client; none by default. */
export function readTrustedProxies(value: string | undefined): ReadonlySet<string> {
  const addresses = (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
  const bad = addresses.find((address) => isIP(address) === 0)
  if (bad !== undefined) {
    throw new Error(
      `TRUSTED_PROXIES must list IP addresses, e.g. TRUSTED_PROXIES=127.0.0.1 for nginx on this host (got "${bad}")`,
    )
  }
  return new Set(addresses.map(plainAddress))
}

/** The client's address: the peer's, or the last X-Forwarded-For entry when the peer is a trusted proxy. */
export function clientAddress(req: IncomingMessage, trusted: ReadonlySet<string>): string {
  const peer = plainAddress(req.socket.remoteAddress ?? '')
  if (!trusted.has(peer)) return peer
  const forwarded = req.headers['x-forwarded-for']
  const last = (typeof forwarded === 'string' ? forwarded : '').split(',').at(-1)?.trim() ?? ''
  return isIP(last) === 0 ? peer : plainAddress(last)
}

// Node reports IPv4 clients of a dual-stack socket as ::ffff:a.b.c.d.
function plainAddress(address: string): string {
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '')
}
