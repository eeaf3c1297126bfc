import { collectionOf, type EmContext } from '../handlers/context.ts'
import { advanceClock, clockOffsetMs, resetClock } from './clock.ts'
import { parseFaultSpec } from './fault-spec.ts'
import type { FaultState } from './fault-state.ts'
import { injectHostileTexts } from './hostile-data.ts'
import type { RequestStats } from './request-stats.ts'
import { applyRuntimeConfig, runtimeConfigOf } from './runtime-config.ts'
import { parseTaskFault } from './task-fault.ts'

export interface ControlDeps {
  context: EmContext
  faults: FaultState
  stats: RequestStats
}

export interface ControlRequest {
  method: string
  /** Path below `/__emulator/`, without the query. */
  path: string
  /** The parsed JSON body; undefined when empty; `Error` when it was not JSON. */
  body: unknown
}

export interface ControlReply {
  status: number
  body: unknown
  headers?: Record<string, string>
}

export const CONTROL_PREFIX = '/__emulator/'

type Action = (deps: ControlDeps, body: unknown) => ControlReply

function faultView(deps: ControlDeps): ControlReply {
  const current = deps.faults.current(deps.context.now())
  return { status: 200, body: { fault: current?.spec ?? null, remainingMs: current?.remainingMs ?? null } }
}

function clockView(deps: ControlDeps): ControlReply {
  const offsetMs = clockOffsetMs(deps.context)
  return {
    status: 200,
    body: { now: new Date(deps.context.now()).toISOString(), offsetSeconds: offsetMs / 1000 },
  }
}

const ACTIONS: Record<string, Record<string, Action>> = {
  faults: {
    GET: (deps) => faultView(deps),
    POST: (deps, body) => {
      const spec = parseFaultSpec(body ?? {})
      if (typeof spec === 'string') return { status: 400, body: { error: spec } }
      deps.faults.set(spec, deps.context.now())
      return faultView(deps)
    },
  },
  'expire-sessions': {
    POST: (deps) => {
      const expired = deps.context.logons.size
      deps.context.logons.clear()
      return { status: 200, body: { expired } }
    },
  },
  reset: {
    POST: (deps) => {
      const { context } = deps
      deps.faults.clear()
      deps.stats.reset()
      resetClock(context)
      context.logons.clear()
      context.tasks.clear()
      context.store.reset(context.now() * 1000)
      return { status: 200, body: { sessions: context.store.sessions.length } }
    },
  },
  stats: { GET: (deps) => ({ status: 200, body: deps.stats.snapshot() }) },
  clock: {
    GET: (deps) => clockView(deps),
    POST: (deps, body) => {
      const seconds =
        typeof body === 'object' && body !== null && 'advanceSeconds' in body ? body.advanceSeconds : null
      if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0 || seconds > 366 * 86_400)
        return {
          status: 400,
          body: { error: 'Send {"advanceSeconds": N}, 0 < N ≤ 31622400 (the clock only moves forward).' },
        }
      advanceClock(deps.context, seconds * 1000)
      return clockView(deps)
    },
  },
  data: {
    POST: (deps, body) => {
      if (typeof body !== 'object' || body === null || !('hostile' in body) || body.hostile !== true) {
        return { status: 400, body: { error: 'Send {"hostile": true}.' } }
      }
      return { status: 200, body: injectHostileTexts(deps.context.store) }
    },
  },
  config: {
    GET: (deps) => ({ status: 200, body: runtimeConfigOf(deps.context.config) }),
    POST: (deps, body) => {
      const { context } = deps
      const problem = applyRuntimeConfig(context.config, body ?? {})
      if (problem !== undefined) return { status: 400, body: { error: problem } }
      context.store.setCollection(collectionOf(context.config.collectEveryMinutes), context.now() * 1000)
      return { status: 200, body: runtimeConfigOf(context.config) }
    },
  },
  // The next action tasks fail with EM's Success="false" and this message (em-api.md §13.4); {} clears.
  'task-faults': {
    GET: (deps) => ({ status: 200, body: { fault: deps.context.tasks.fault } }),
    POST: (deps, body) => {
      const fault = parseTaskFault(body ?? {})
      if (typeof fault === 'string') return { status: 400, body: { error: fault } }
      deps.context.tasks.fault = fault
      return { status: 200, body: { fault } }
    },
  },
}

/** Answers one `/__emulator/…` request (JSON in, JSON out); mounted only with `--control`. */
export function handleControl(request: ControlRequest, deps: ControlDeps): ControlReply {
  const actions = ACTIONS[request.path.replace(/\/$/, '')]
  if (actions === undefined) return { status: 404, body: { error: `No control endpoint '${request.path}'.` } }
  const action = actions[request.method]
  if (action === undefined) {
    const allow = Object.keys(actions).join(', ')
    return { status: 405, body: { error: `Use ${allow}.` }, headers: { Allow: allow } }
  }
  if (request.body instanceof Error)
    return { status: 400, body: { error: `Body is not JSON: ${request.body.message}` } }
  return action(deps, request.body)
}
