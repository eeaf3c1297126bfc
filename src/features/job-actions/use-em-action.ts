// One action's life: the POST (a mutation, sent once per confirmation), then its task read every TASK_POLL_MS
// until Finished, lost or given up; when it finishes, the session lists are read again.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { postEmAction, taskQueries } from '@/em/em-action.ts'
import { sessionQueries } from '@/em/session-queries.ts'
import { type ActionPhase, actionPhase, isFollowing, TASK_POLL_MS } from './task-phase.ts'

export interface EmActionState {
  phase: ActionPhase
  /** Browser time of the POST, for finding the session it creates. */
  sentAt: number | null
  send(href: string): void
  /** Reads the task again now (after trouble). */
  checkAgain(): void
  reset(): void
}

export function useEmAction(): EmActionState {
  const queryClient = useQueryClient()
  const [sentAt, setSentAt] = useState<number | null>(null)
  const mutation = useMutation({
    mutationFn: (href: string) => postEmAction(href),
    retry: false,
    // A 401 here is an ended session: the app's mutation cache opens the re-sign-in dialog.
    meta: { reauthOn401: true },
  })
  const task = mutation.data
  const poll = useQuery({
    ...taskQueries.detail(task?.href ?? ''),
    enabled: task !== undefined && task.state !== 'Finished',
    // A task read is cheap and its answer changes by the second: never served from cache, never retried here
    // (the next interval is the retry), polled until the phase says stop.
    staleTime: 0,
    retry: false,
    refetchInterval: (query) => {
      const phase = actionPhase({
        post: { status: 'success', data: task, error: null },
        poll: { data: query.state.data, error: query.state.error },
        sentAt,
        now: Date.now(),
      })
      return isFollowing(phase) ? TASK_POLL_MS : false
    },
  })
  // Each poll re-renders, so the give-up limit is checked at least every TASK_POLL_MS while following.
  const phase = actionPhase({
    post: { status: mutation.status, data: mutation.data, error: mutation.error },
    poll: { data: poll.data, error: poll.error },
    sentAt,
    now: Date.now(),
  })

  const finished = phase.kind === 'finished' && phase.success
  useEffect(() => {
    // The session an action creates (or ends) shows at EM's next collection (§15): read the lists again now
    // and the new-session watch takes over.
    if (finished) void queryClient.invalidateQueries({ queryKey: sessionQueries.all() })
  }, [finished, queryClient])

  return {
    phase,
    sentAt,
    send: (href) => {
      // One POST per confirmation: a second call while one is in flight or followed does nothing.
      if (mutation.status === 'pending' || isFollowing(phase)) return
      setSentAt(Date.now())
      mutation.mutate(href)
    },
    checkAgain: () => void poll.refetch(),
    reset: () => {
      mutation.reset()
      setSentAt(null)
    },
  }
}
