import type { Layout } from '../data/layout.ts'
import { createStore, type Store } from '../data/store.ts'
import { MICROS_PER_MINUTE } from '../data/time-text.ts'
import type { EndTimeMode } from '../query/query-source.ts'
import { DEFAULT_USERS, type EmUser } from './accounts.ts'
import { ActionTasks } from './action-tasks.ts'
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
  /**
   * EM's data collection from the backup servers (em-api.md §6.6, §15): null shows every change at once; minutes
   * between collections (EM's default is 15); 'manual' collects only on `?action=collect`.
   */
  collectEveryMinutes: number | 'manual' | null
  /** How long an action's task stays Running, then OperationFinished, before Finished (em-api.md §13.2). */
  taskDelaysMs: readonly [running: number, operationFinished: number]
  /** Length of a run that Start or Retry begins; null draws one as for a scheduled run (3–20 minutes). */
  actionRunSeconds: number | null
}

export interface EmContext {
  store: Store
  logons: LogonRegistry
  /** The tasks of job and server actions, per logon session (em-api.md §13.2). */
  tasks: ActionTasks
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
// A few seconds each: what a StartJob task takes on a quiet EM (em-api.md §13.2, §13.3 clients poll every 1–5 s).
export const DEFAULT_TASK_DELAYS_MS: readonly [number, number] = [3000, 2000]

/** The store's collection setting for a number of minutes, 'manual' or null (em-api.md §6.6). */
export function collectionOf(minutes: number | 'manual' | null): number | 'manual' | null {
  return typeof minutes === 'number' ? Math.round(minutes * MICROS_PER_MINUTE) : minutes
}

/** Builds the store, logon sessions and config `handle()` needs; no sockets, timers or process state. */
export function createEmContext(options: EmContextOptions = {}): EmContext {
  const now = options.now ?? Date.now
  const store = createStore({
    seed: options.seed ?? 1,
    sessions: options.sessions,
    layout: options.layout,
    now: now() * 1000,
  })
  const collectEveryMinutes = options.collectEveryMinutes ?? null
  store.setCollection(collectionOf(collectEveryMinutes), now() * 1000)
  return {
    store,
    logons: new LogonRegistry(),
    tasks: new ActionTasks(),
    config: {
      publicUrl: options.publicUrl ?? DEFAULT_PUBLIC_URL,
      endTimeMode: options.endTimeMode ?? 'sentinel',
      taskPathSpelling: options.taskPathSpelling ?? 'replicaTaskSessions',
      bom: options.bom ?? false,
      sessionTtlSeconds: options.sessionTtlSeconds ?? DEFAULT_SESSION_TTL_SECONDS,
      users: options.users ?? DEFAULT_USERS,
      collectEveryMinutes,
      taskDelaysMs: options.taskDelaysMs ?? DEFAULT_TASK_DELAYS_MS,
      actionRunSeconds: options.actionRunSeconds ?? null,
    },
    now,
  }
}
