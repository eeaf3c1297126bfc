// Where an action stands, from its POST and the following of its task (em-api.md §13.2, §13.3): a pure function of
// query state and time that the panel only renders (as wall/freshness.ts).
import { EmHttpError } from '@/em/errors.ts'
import type { EmTask } from '@/em/parse-task.ts'

/** How long the task is followed before the panel says it gave up (§13.3: "stop after a bounded time"). */
export const TASK_FOLLOW_LIMIT_MS = 10 * 60_000
/** How often the task is read while it runs (§13.3 recommends 1–5 s). */
export const TASK_POLL_MS = 2000

export type ActionPhase =
  | { kind: 'idle' }
  | { kind: 'sending' }
  /** The POST was refused or failed: nothing was started (EM, or the proxy, said why). */
  | { kind: 'refused'; error: unknown }
  /** EM accepted; `state` is EM's word (Running, OperationFinished, or one it did not document). */
  | { kind: 'following'; task: EmTask; trouble: unknown }
  /** The task ended: EM's Result, its Message word for word. */
  | { kind: 'finished'; task: EmTask; success: boolean; message: string }
  /** The session ended while following: the sign-in dialog is open; following resumes after it. */
  | { kind: 'signed-out'; task: EmTask }
  /** EM no longer knows the task (404: tasks live only within the logon session that made them). */
  | { kind: 'lost'; task: EmTask }
  | { kind: 'gave-up'; task: EmTask }

export interface PhaseInput {
  post: { status: 'idle' | 'pending' | 'error' | 'success'; data: EmTask | undefined; error: unknown }
  /** The newest read of the task, and the error of the last read, if it failed. */
  poll: { data: EmTask | undefined; error: unknown }
  sentAt: number | null
  now: number
}

export function actionPhase({ post, poll, sentAt, now }: PhaseInput): ActionPhase {
  if (post.status === 'idle') return { kind: 'idle' }
  if (post.status === 'pending') return { kind: 'sending' }
  if (post.status === 'error' || post.data === undefined) return { kind: 'refused', error: post.error }
  const task = poll.data ?? post.data
  // A Finished task beats any later trouble reading it again: its answer is in.
  if (task.state === 'Finished') {
    const success = task.result?.success ?? false
    return { kind: 'finished', task, success, message: task.result?.message ?? '' }
  }
  if (poll.error instanceof EmHttpError && poll.error.status === 401) return { kind: 'signed-out', task }
  if (poll.error instanceof EmHttpError && poll.error.status === 404) return { kind: 'lost', task }
  if (sentAt !== null && now - sentAt > TASK_FOLLOW_LIMIT_MS) return { kind: 'gave-up', task }
  return { kind: 'following', task, trouble: poll.error ?? null }
}

/** Whether the task is still worth reading: the panel polls only then. */
export function isFollowing(phase: ActionPhase): boolean {
  return phase.kind === 'following' || phase.kind === 'signed-out'
}

/** Whether a new action may be asked for: never while one is being sent or followed. */
export function isBusy(phase: ActionPhase): boolean {
  return phase.kind === 'sending' || isFollowing(phase)
}
