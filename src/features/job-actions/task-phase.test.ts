import { describe, expect, test } from 'vitest'
import { EmHttpError, EmUnreachableError } from '@/em/errors.ts'
import type { EmTask } from '@/em/parse-task.ts'
import { actionPhase, isBusy, type PhaseInput, TASK_FOLLOW_LIMIT_MS } from './task-phase.ts'

const T0 = Date.UTC(2026, 11, 3, 12, 0)
const running: EmTask = {
  id: 'task-3',
  href: '/api/tasks/task-3',
  state: 'Running',
  operation: 'RetryJob',
  result: null,
}
const at = (state: string, result: EmTask['result'] = null): EmTask => ({ ...running, state, result })

function input(over: Omit<Partial<PhaseInput>, 'poll'> & { poll?: Partial<PhaseInput['poll']> }): PhaseInput {
  return {
    post: { status: 'success', data: running, error: null },
    sentAt: T0,
    now: T0 + 5000,
    ...over,
    poll: { data: undefined, error: null, ...over.poll },
  }
}

describe('actionPhase: one action from confirmation to its end', () => {
  test('nothing asked, then sending: busy, so a second confirmation cannot send again', () => {
    expect(actionPhase(input({ post: { status: 'idle', data: undefined, error: null } })).kind).toBe('idle')
    const sending = actionPhase(input({ post: { status: 'pending', data: undefined, error: null } }))
    expect(sending.kind).toBe('sending')
    expect(isBusy(sending)).toBe(true)
  })

  test('refused POST: the error is kept for its words, and another action may be asked', () => {
    const error = new EmHttpError(403, 'Access denied.', '/api/jobs/x?action=retry')
    const phase = actionPhase(input({ post: { status: 'error', data: undefined, error } }))
    expect(phase).toEqual({ kind: 'refused', error })
    expect(isBusy(phase)).toBe(false)
  })

  test('accepted (202, Running) and OperationFinished are followed, with EM state names as sent', () => {
    expect(actionPhase(input({}))).toEqual({ kind: 'following', task: running, trouble: null })
    const done = at('OperationFinished', { success: true, message: 'OperationFinished' })
    const phase = actionPhase(input({ poll: { data: done } }))
    expect(phase).toEqual({ kind: 'following', task: done, trouble: null })
    expect(isBusy(phase)).toBe(true)
  })

  test('Finished with success, and Finished with failure carrying EM’s message word for word', () => {
    const ok = at('Finished', { success: true, message: 'Job "Replica SQL" triggered to retry.' })
    expect(actionPhase(input({ poll: { data: ok } }))).toMatchObject({
      kind: 'finished',
      success: true,
      message: 'Job "Replica SQL" triggered to retry.',
    })
    const no = at('Finished', {
      success: false,
      message: 'Cannot retry job "Replica SQL": the job is running.',
    })
    const phase = actionPhase(input({ poll: { data: no } }))
    expect(phase).toMatchObject({ kind: 'finished', success: false, message: no.result?.message })
    expect(isBusy(phase)).toBe(false)
  })

  test('EM unreachable mid-poll: still following, with the trouble to show, until it answers again', () => {
    const trouble = new EmUnreachableError('Cannot reach Enterprise Manager')
    expect(actionPhase(input({ poll: { data: running, error: trouble } }))).toEqual({
      kind: 'following',
      task: running,
      trouble,
    })
  })

  test('session expired mid-poll: waits for the sign-in; then the task of the old session is lost (404)', () => {
    const expired = new EmHttpError(401, null, '/api/tasks/task-3')
    const signedOut = actionPhase(input({ poll: { data: running, error: expired } }))
    expect(signedOut).toEqual({ kind: 'signed-out', task: running })
    expect(isBusy(signedOut)).toBe(true)
    const gone = new EmHttpError(404, 'Task not found.', '/api/tasks/task-3')
    expect(actionPhase(input({ poll: { data: running, error: gone } }))).toEqual({
      kind: 'lost',
      task: running,
    })
  })

  test('a Finished answer wins over a later failed read, and following stops after its time limit', () => {
    const ok = at('Finished', { success: true, message: 'ok' })
    const error = new EmUnreachableError('down')
    expect(actionPhase(input({ poll: { data: ok, error } })).kind).toBe('finished')
    expect(actionPhase(input({ now: T0 + TASK_FOLLOW_LIMIT_MS + 1 })).kind).toBe('gave-up')
    expect(actionPhase(input({ now: T0 + TASK_FOLLOW_LIMIT_MS })).kind).toBe('following')
  })
})
