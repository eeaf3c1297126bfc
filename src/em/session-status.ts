// Session status rules of em-api.md §7: State says whether it runs, Result whether it has an outcome.

/** Job-session states in EM's documented order (§4.3). */
export const KNOWN_STATES = ['Starting', 'Stopping', 'Working', 'Pausing', 'Resuming', 'Stopped'] as const
export type KnownState = (typeof KNOWN_STATES)[number]

/** Results that are an outcome; `None` and anything unknown mean "no result yet" (§7, §9.2). */
export const KNOWN_RESULTS = ['Success', 'Warning', 'Failed'] as const
export type KnownResult = (typeof KNOWN_RESULTS)[number]

/** The job-session states of a session still running: every known one but Stopped. */
export const RUNNING_STATES: readonly string[] = KNOWN_STATES.filter((state) => state !== 'Stopped')

/** Task-session states (§6.2). */
export const KNOWN_TASK_STATES = ['InProgress', 'Pending', 'Completed'] as const

// Stopped ends a job session, Completed a task session; any other value, known or not, is still running.
const FINAL_STATES = new Set(['stopped', 'completed'])

/** Whether a job or task session is still running: its State is not Stopped (tasks: not Completed). */
export function isRunning(session: { state: string }): boolean {
  return !FINAL_STATES.has(session.state.toLowerCase())
}

/** Whether Result is an outcome (Success, Warning or Failed). */
export function hasResult(session: { result: string }): boolean {
  return KNOWN_RESULTS.some((known) => known.toLowerCase() === session.result.toLowerCase())
}

/** End − start; now − start while running; null when finished with an unknown end (§7). */
export function durationMs(
  session: { creationTime: number; endTime: number | null; state: string },
  now: number,
): number | null {
  if (session.endTime !== null) return session.endTime - session.creationTime
  return isRunning(session) ? Math.max(0, now - session.creationTime) : null
}

/** Whether durationMs still grows: the session runs and EM gives no end yet. */
export function durationGrows(session: { endTime: number | null; state: string }): boolean {
  return session.endTime === null && isRunning(session)
}
