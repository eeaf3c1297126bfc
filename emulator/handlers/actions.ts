// Job and backup-server actions (em-api.md §13.1, §15): `POST …?action=` answers 202 with a Running task at once;
// VBR's part happens when the task's Running phase ends, so a client sees EM's states as they would come.
import type { ActionOutcome } from '../data/job-actions.ts'
import type { TaskOperation } from '../data/records.ts'
import { MICROS_PER_SECOND } from '../data/time-text.ts'
import type { TaskOutcome } from './action-tasks.ts'
import { badRequest, EmError, notFound } from './em-error.ts'
import type { EmReply, RouteCall } from './route.ts'

// Actions EM documents that the emulator does not model: 501, which Veeam lists for POST (em-api.md §8).
const UNMODELLED_JOB_ACTIONS = ['clone', 'togglescheduleenabled', 'sync']
const UNMODELLED_SERVER_ACTIONS = ['veeamzip', 'quickbackup']

function readAction(call: RouteCall, unmodelled: readonly string[], modelled: readonly string[]): string {
  const action = call.params.get('action')
  if (action === undefined || action === '') throw badRequest("Parameter 'action' is required.")
  const lower = action.toLowerCase()
  if (modelled.includes(lower)) return lower
  if (unmodelled.includes(lower))
    throw new EmError(501, `Action '${action}' is not modelled by the emulator.`)
  throw badRequest(`Unknown action '${action}'.`)
}

/** Starts the task of one action for the caller; `perform` is VBR's part, run when the task stops Running. */
function accept(call: RouteCall, operation: TaskOperation, perform: () => TaskOutcome): EmReply {
  const { ctx, caller } = call
  if (caller === undefined) throw new Error('an action route reached without a caller')
  const now = ctx.now()
  const ttlMs = ctx.config.sessionTtlSeconds * 1000
  ctx.tasks.prune((owner) => ctx.logons.byId(owner, now, ttlMs) !== undefined)
  const task = ctx.tasks.start({
    owner: caller.record.sessionId,
    operation,
    now,
    delaysMs: ctx.config.taskDelaysMs,
    schedule: (atMs, effect) => ctx.store.schedule(atMs * 1000, effect),
    perform,
  })
  // 202 always comes with a task resource (§13.1, http_response_codes).
  return { status: 202, body: { kind: 'task', task } }
}

function outcomeOf(result: ActionOutcome, done: string): TaskOutcome {
  return result.accepted ? { success: true, message: done } : { success: false, message: result.message }
}

const JOB_OPERATIONS: Readonly<Record<string, TaskOperation>> = {
  start: 'StartJob',
  stop: 'StopJob',
  retry: 'RetryJob',
}

/** `POST /api/jobs/{id}?action=start|stop|retry`: the doc's messages, "Job "…" triggered to start." (§13.1). */
export function postJobAction(call: RouteCall): EmReply {
  const id = call.ids[0] ?? ''
  const job = call.ctx.store.jobById(id)
  if (job === undefined) throw notFound(`Job '${id}' was not found.`)
  const action = readAction(call, UNMODELLED_JOB_ACTIONS, Object.keys(JOB_OPERATIONS))
  const operation = JOB_OPERATIONS[action] ?? 'StartJob'
  const seconds = call.ctx.config.actionRunSeconds
  const options = { runMicros: seconds === null ? undefined : seconds * MICROS_PER_SECOND }
  const { store } = call.ctx
  return accept(call, operation, () => {
    const done = `Job "${job.name}" triggered to ${action}.`
    if (action === 'stop') return outcomeOf(store.stopJob(job.id), done)
    if (action === 'retry') return outcomeOf(store.retryJob(job.id, options), done)
    return outcomeOf(store.startJob(job.id, options), done)
  })
}

/** `POST /api/backupServers/{id}?action=collect`: EM copies the server's data now (§15); Finished means started. */
export function postBackupServerAction(call: RouteCall): EmReply {
  const id = call.ids[0] ?? ''
  const server = call.ctx.store.serverById(id)
  if (server === undefined) throw notFound(`Backup server '${id}' was not found.`)
  readAction(call, UNMODELLED_SERVER_ACTIONS, ['collect'])
  const { store } = call.ctx
  return accept(call, 'CollectingBackupServer', () => {
    store.collect(server.id)
    return { success: true, message: 'Data collection started. To view results, go to Sessions.' }
  })
}
