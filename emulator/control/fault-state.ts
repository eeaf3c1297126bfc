import { createRandom } from '../data/random.ts'
import { type FaultSpec, hasEffect } from './fault-spec.ts'

const LOGON_PATH = /^\/api\/sessionmngr(\/|$)/i

/** The one active fault; `forMs` expiry is checked on use, so no timer outlives the server. */
export class FaultState {
  #spec: FaultSpec | undefined
  #expiresAt = Number.POSITIVE_INFINITY
  // Seeded so a `rate` below 1 hits the same requests on every run: tests stay deterministic.
  #random = createRandom(1)

  set(spec: FaultSpec, now: number): void {
    this.#spec = hasEffect(spec) ? spec : undefined
    this.#expiresAt = spec.forMs === undefined ? Number.POSITIVE_INFINITY : now + spec.forMs
    this.#random = createRandom(1)
  }

  clear(): void {
    this.#spec = undefined
  }

  /** The active fault and its remaining time, or undefined once cleared or expired. */
  current(now: number): { spec: FaultSpec; remainingMs: number | undefined } | undefined {
    if (this.#spec !== undefined && now >= this.#expiresAt) this.#spec = undefined
    if (this.#spec === undefined) return undefined
    const remainingMs = Number.isFinite(this.#expiresAt) ? this.#expiresAt - now : undefined
    return { spec: this.#spec, remainingMs }
  }

  /** The fault to apply to a request with this raw path (query excluded), after path, logon and rate checks. */
  pick(rawPath: string, now: number): FaultSpec | undefined {
    const spec = this.current(now)?.spec
    if (spec === undefined) return undefined
    const prefix = (spec.pathPrefix ?? '/api/').toLowerCase()
    // `/api` and `/api/` are one resource, so the default prefix covers both.
    const path = rawPath.toLowerCase() === '/api' ? '/api/' : rawPath.toLowerCase()
    if (!path.startsWith(prefix)) return undefined
    if (LOGON_PATH.test(rawPath) && spec.includeLogon !== true) return undefined
    if (this.#random.next() >= (spec.rate ?? 1)) return undefined
    return spec
  }
}
