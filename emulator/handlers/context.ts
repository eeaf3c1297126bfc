import type { Layout } from '../data/layout.ts'
import { createStore, type Store } from '../data/store.ts'
import type { EndTimeMode } from '../query/query-source.ts'
import { DEFAULT_USERS, type EmUser } from './accounts.ts'
import { LogonRegistry } from './logon-registry.ts'

export type TaskPathSpelling = 'replicaTaskSessions' | 'repicaTaskSessions'

/** Switches that change what EM looks like; mutable so the control surface can flip them at runtime. */
export interface EmConfig {
  publicUrl: string
  endTimeMode: EndTimeMode
  taskPathSpelling: TaskPathSpelling
  bom: boolean
  sessionTtlSeconds: number
  users: readonly EmUser[]
}

export interface EmContext {
  store: Store
  logons: LogonRegistry
  config: EmConfig
  /** Wall-clock milliseconds; injected so tests drive idle expiry and running sessions. */
  now(): number
}

export interface EmContextOptions extends Partial<EmConfig> {
  seed?: number
  sessions?: number
  /** Jobs, VMs and days instead of a session count. */
  layout?: Layout
  now?: () => number
}

// Like a real EM's internal FQDN: no browser can reach it, so clients must re-base Hrefs (em-api.md §1).
export const DEFAULT_PUBLIC_URL = 'https://enterprise.emulator.invalid:9398/api/'
export const DEFAULT_SESSION_TTL_SECONDS = 900

/** Builds the store, logon sessions and config `handle()` needs; no sockets, timers or process state. */
export function createEmContext(options: EmContextOptions = {}): EmContext {
  const now = options.now ?? Date.now
  const store = createStore({
    seed: options.seed ?? 1,
    sessions: options.sessions,
    layout: options.layout,
    now: now() * 1000,
  })
  return {
    store,
    logons: new LogonRegistry(),
    config: {
      publicUrl: options.publicUrl ?? DEFAULT_PUBLIC_URL,
      endTimeMode: options.endTimeMode ?? 'sentinel',
      taskPathSpelling: options.taskPathSpelling ?? 'replicaTaskSessions',
      bom: options.bom ?? false,
      sessionTtlSeconds: options.sessionTtlSeconds ?? DEFAULT_SESSION_TTL_SECONDS,
      users: options.users ?? DEFAULT_USERS,
    },
    now,
  }
}
