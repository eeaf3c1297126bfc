// Every request the proxy sends EM reports how it ended, for the metrics and for readiness ("EM answered within
// the last interval"). forward.ts and buffered-request.ts call the Upstream's watch; nothing else does.

/** Why EM gave no usable answer. */
export type EmErrorKind = 'timeout' | 'unreachable' | 'tls' | 'cut_short' | 'server_error'

/** One request to EM in flight: the first of these calls says how it ended (abandoned: the client hung up first). */
export type EmCall = { answered(status: number): void; failed(kind: EmErrorKind): void; abandoned(): void }

/** Called as a request to EM starts. */
export type EmWatch = () => EmCall

/** A watch that tells several watchers. */
export function watchAll(...watches: readonly EmWatch[]): EmWatch {
  return () => {
    const calls = watches.map((watch) => watch())
    return {
      answered: (status) => {
        for (const call of calls) call.answered(status)
      },
      failed: (kind) => {
        for (const call of calls) call.failed(kind)
      },
      abandoned: () => {
        for (const call of calls) call.abandoned()
      },
    }
  }
}

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_UNTRUSTED',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'EPROTO',
  'ERR_SSL_WRONG_VERSION_NUMBER',
])

/** The kind of a connection-level failure: TLS trouble, or EM not reachable at all. */
export function connectionErrorKind(error: unknown): EmErrorKind {
  const code =
    typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
      ? error.code
      : ''
  return TLS_CODES.has(code) ? 'tls' : 'unreachable'
}
