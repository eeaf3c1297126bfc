import { randomUUID } from 'node:crypto'
import type { LogonSessionRecord } from '../data/records.ts'
import type { Role } from './accounts.ts'

export interface LogonEntry {
  record: LogonSessionRecord
  /** The account's roles at logon (em-api.md §10). */
  roles: readonly Role[]
}

/** Live logon sessions with EM's idle expiry (em-api.md §3): a token dies after `ttlMs` without use. */
export class LogonRegistry {
  readonly #byToken = new Map<string, LogonEntry>()

  create(userName: string, roles: readonly Role[], now: number): LogonEntry {
    const sessionId = randomUUID()
    // Token = base64 of the SessionId text: one public client derives it instead of reading the header (§3).
    const token = Buffer.from(sessionId, 'utf8').toString('base64')
    const entry: LogonEntry = { record: { sessionId, token, userName, lastUsed: now }, roles }
    this.#byToken.set(token, entry)
    return entry
  }

  /** Returns the live session of a token and restarts its idle timer; expired sessions are dropped. */
  touch(token: string, now: number, ttlMs: number): LogonEntry | undefined {
    const entry = this.#byToken.get(token)
    if (entry === undefined) return undefined
    if (now - entry.record.lastUsed >= ttlMs) {
      this.#byToken.delete(token)
      return undefined
    }
    entry.record.lastUsed = now
    return entry
  }

  /** Finds a session by its SessionId (any GUID case) if it is still live. */
  byId(sessionId: string, now: number, ttlMs: number): LogonEntry | undefined {
    const wanted = sessionId.toLowerCase()
    for (const entry of this.#byToken.values()) {
      if (entry.record.sessionId !== wanted) continue
      return now - entry.record.lastUsed >= ttlMs ? undefined : entry
    }
    return undefined
  }

  delete(entry: LogonEntry): void {
    this.#byToken.delete(entry.record.token)
  }

  /** Drops expired sessions so a long run of logons without logouts stays bounded. */
  prune(now: number, ttlMs: number): void {
    for (const [token, entry] of this.#byToken) {
      if (now - entry.record.lastUsed >= ttlMs) this.#byToken.delete(token)
    }
  }

  clear(): void {
    this.#byToken.clear()
  }

  /** Moves every session's last use forward by `ms`: the control surface's clock jump is not idle time. */
  shift(ms: number): void {
    for (const entry of this.#byToken.values()) entry.record.lastUsed += ms
  }

  get size(): number {
    return this.#byToken.size
  }
}
