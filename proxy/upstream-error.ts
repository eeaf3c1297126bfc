import type { ServerResponse } from 'node:http'
import { sendJson } from './json-response.ts'

const untrusted = "certificate not trusted; set EM_CA_FILE to the CA that signed EM's certificate"

const reasons: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host name not found (DNS)',
  EAI_AGAIN: 'host name lookup failed (DNS)',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  DEPTH_ZERO_SELF_SIGNED_CERT: `self-signed ${untrusted}`,
  SELF_SIGNED_CERT_IN_CHAIN: untrusted,
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: untrusted,
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: untrusted,
  UNABLE_TO_GET_ISSUER_CERT: untrusted,
  CERT_UNTRUSTED: untrusted,
  CERT_HAS_EXPIRED: "EM's TLS certificate has expired",
  CERT_NOT_YET_VALID: "EM's TLS certificate is not valid yet",
  ERR_TLS_CERT_ALTNAME_INVALID:
    "EM's TLS certificate does not name this host; use the host name the certificate was issued for in EM_URL",
  EPROTO: 'TLS handshake failed (does EM_URL use the right scheme, https or http?)',
  ERR_SSL_WRONG_VERSION_NUMBER: 'TLS handshake failed (does EM_URL use the right scheme, https or http?)',
}

/** A short, operator-readable reason for a failed upstream request. */
export function describeUpstreamError(error: unknown): string {
  const code = errorCode(error)
  if (code !== undefined) {
    const reason = reasons[code]
    if (reason !== undefined) return reason
  }
  return error instanceof Error ? error.message : String(error)
}

/** Answers 502 or 504 with the JSON body the browser app recognises as "EM unreachable". */
export function sendUnreachable(res: ServerResponse, status: 502 | 504, host: string, reason: string): void {
  sendJson(res, status, {
    error: 'unreachable',
    host,
    message: `Cannot reach Enterprise Manager at ${host}: ${reason}`,
  })
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined
  return typeof error.code === 'string' ? error.code : undefined
}
