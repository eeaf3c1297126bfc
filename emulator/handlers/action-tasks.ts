// EM's Task resource (em-api.md §13.2): every action answers 202 with a task that is Running until VBR has acted,
// OperationFinished until EM has recorded it, then Finished with its Result. Tasks belong to the logon session
// that started them; their ids are `task-<n>`, counted per emulator.
import type { TaskOperation, TaskView } from '../data/records.ts'

/** What VBR made of the action: done, with EM's finished message, or refused with its reason. */
export interface TaskOutcome {
  success: boolean
  message: string
}

/** Fault control: the next `remaining` action tasks (of one operation, or any) fail with this message. */
export interface TaskFault {
  message: string
  remaining: number
  operation?: TaskOperation
}

interface ActionTask {
  id: string
  owner: string
  operation: TaskOperation
  /** Milliseconds: when VBR acts, and when EM has recorded it. */
  actsAt: number
  finishedAt: number
  outcome: TaskOutcome | null
  cancel: () => void
}

export interface TaskStart {
  /** The logon session's SessionId. */
  owner: string
  operation: TaskOperation
  now: number
  delaysMs: readonly [number, number]
  /** Runs `effect` at `atMs` in the store's time; returns its cancel. */
  schedule(atMs: number, effect: () => void): () => void
  /** VBR's part, run when the Running phase ends (not at all when a fault fails the task). */
  perform(): TaskOutcome
}

// The OperationFinished examples carry Result Success="true" with this Message (§13.2).
const OPERATION_FINISHED = 'OperationFinished'
// EM keeps tasks within a logon session only; a session that starts thousands keeps its newest.
const MAX_TASKS_PER_OWNER = 1000

export class ActionTasks {
  #next = 1
  readonly #byOwner = new Map<string, ActionTask[]>()
  fault: TaskFault | null = null

  /** Creates the task and schedules VBR's part; returns it as EM answers the POST (Running). */
  start(input: TaskStart): TaskView {
    const id = `task-${this.#next++}`
    const actsAt = input.now + input.delaysMs[0]
    const failure = this.#takeFault(input.operation)
    const task: ActionTask = {
      id,
      owner: input.owner,
      operation: input.operation,
      actsAt,
      finishedAt: actsAt + input.delaysMs[1],
      outcome: null,
      cancel: () => {},
    }
    task.cancel = input.schedule(actsAt, () => {
      task.outcome = failure ?? input.perform()
    })
    const owned = this.#byOwner.get(input.owner) ?? []
    owned.push(task)
    if (owned.length > MAX_TASKS_PER_OWNER) owned.shift()
    this.#byOwner.set(input.owner, owned)
    return view(task, input.now)
  }

  get(owner: string, id: string, now: number): TaskView | undefined {
    const task = this.#find(owner, id)
    return task === undefined ? undefined : view(task, now)
  }

  list(owner: string, now: number): TaskView[] {
    return (this.#byOwner.get(owner) ?? []).map((task) => view(task, now))
  }

  /** `DELETE /tasks/{id}`: forgets the task and, while VBR has not acted yet, stops it ("stops the task execution"). */
  delete(owner: string, id: string): boolean {
    const owned = this.#byOwner.get(owner) ?? []
    const task = this.#find(owner, id)
    if (task === undefined) return false
    if (task.outcome === null) task.cancel()
    owned.splice(owned.indexOf(task), 1)
    return true
  }

  /** Drops the tasks of logon sessions that ended (a task lives within its logon session, §13.2). */
  prune(alive: (owner: string) => boolean): void {
    for (const owner of this.#byOwner.keys()) if (!alive(owner)) this.#byOwner.delete(owner)
  }

  clear(): void {
    this.#byOwner.clear()
    this.fault = null
  }

  #find(owner: string, id: string): ActionTask | undefined {
    const wanted = id.toLowerCase()
    return this.#byOwner.get(owner)?.find((task) => task.id === wanted)
  }

  #takeFault(operation: TaskOperation): TaskOutcome | null {
    const fault = this.fault
    if (fault === null || (fault.operation !== undefined && fault.operation !== operation)) return null
    fault.remaining -= 1
    if (fault.remaining <= 0) this.fault = null
    return { success: false, message: fault.message }
  }
}

function view(task: ActionTask, now: number): TaskView {
  const { id, operation, outcome } = task
  if (outcome === null || now < task.actsAt) return { id, operation, state: 'Running', result: null }
  // A refused action has nothing for EM to collect: it finishes at once, Success="false" (§13.4 [decision]).
  if (!outcome.success) return { id, operation, state: 'Finished', result: outcome }
  if (now < task.finishedAt) {
    return {
      id,
      operation,
      state: 'OperationFinished',
      result: { success: true, message: OPERATION_FINISHED },
    }
  }
  return { id, operation, state: 'Finished', result: outcome }
}
