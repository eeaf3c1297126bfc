// DNS rebinding: a page on evil.example can point its own name at the dashboard's address and then read the
// dashboard's answers as same-origin. Its requests still say `Host: evil.example`, so `npm run serve` answers
// only the names it was given in ALLOWED_HOSTS, loopback names, and bare IP addresses (which no rebinding uses).
import type { ServerResponse } from 'node:http'
import { isIP } from 'node:net'

/** Reads ALLOWED_HOSTS: comma-separated host names the dashboard is reached by (no ports); empty by default. */
export function readAllowedHosts(value: string | undefined): ReadonlySet<string> {
  return new Set(
    (value ?? '')
      .split(',')
      .map((name) => normalise(name))
      .filter((name) => name !== ''),
  )
}

/** Whether a request's Host header names this server: a configured name, localhost (or *.localhost), or an IP. */
export function hostAllowed(host: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (host === undefined) return false
  const name = normalise(hostname(host))
  if (name === '') return false
  if (isIP(name) !== 0) return true
  return name === 'localhost' || name.endsWith('.localhost') || allowed.has(name)
}

/** Answers a request whose Host is not one of ours (400 without one). */
export function refuseHost(res: ServerResponse, host: string | undefined): void {
  const text =
    host === undefined
      ? 'Bad request: no Host header\n'
      : "This server does not answer to that host name. If it is the dashboard's name, add it to ALLOWED_HOSTS (comma-separated) and restart npm run serve.\n"
  res.writeHead(host === undefined ? 400 : 403, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    Connection: 'close',
  })
  res.end(text)
}

function hostname(host: string): string {
  const bracketed = /^\[([^\]]*)\](?::\d*)?$/.exec(host.trim())
  if (bracketed) return bracketed[1] ?? ''
  return host.trim().replace(/:\d*$/, '')
}

function normalise(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '')
}
