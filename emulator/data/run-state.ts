// Turns a run plan into session and task records, and moves those records to where the plan is at a given time.

import type { JobPlan } from './job-plan.ts'
import type { ReplicaSessionRecord, SessionState, TaskSessionRecord, TaskState } from './records.ts'
import type { RunPlan } from './run-plan.ts'
import { timedName } from './time-text.ts'

export interface LiveRun {
  plan: RunPlan
  session: ReplicaSessionRecord
  tasks: TaskSessionRecord[]
}

/** Creates the records of a run that has started by `now` and brings them to their state at `now`. */
export function materialize(job: JobPlan, plan: RunPlan, now: number): LiveRun {
  const session: ReplicaSessionRecord = {
    id: plan.id,
    // §6.6: replica session names carry the creation time in whole seconds.
    name: timedName(job.record.name, plan.start),
    jobId: job.record.id,
    jobName: job.record.name,
    backupServerId: job.server.id,
    backupServerName: job.server.name,
    creationTime: plan.start,
    endTime: null,
    state: 'Starting',
    result: 'None',
    progress: 0,
    isRetry: plan.attempt > 0,
    failureMessage: null,
  }
  const tasks = plan.tasks.map((task): TaskSessionRecord => {
    const vmName = job.record.vmNames[task.vmIndex] ?? ''
    // A run that has just started has not enumerated its VMs yet: no task is created in the future.
    const creationTime = Math.min(task.created, Math.max(plan.start, now))
    return {
      id: task.id,
      name: timedName(vmName, creationTime),
      sessionId: plan.id,
      vmName,
      creationTime,
      endTime: null,
      state: 'Pending',
      result: 'None',
      reason: '',
      totalSize: job.vmSizes[task.vmIndex] ?? 0,
    }
  })
  const run = { plan, session, tasks }
  applyAt(run, now)
  return run
}

function sessionStateAt(plan: RunPlan, now: number): SessionState {
  if (now >= plan.end) return 'Stopped'
  if (now < plan.startingEnd) return 'Starting'
  return now < plan.workEnd ? 'Working' : 'Stopping'
}

/** Sets the run's records to their state at `now` (em-api.md §7); true when any field changed. */
export function applyAt(run: LiveRun, now: number): boolean {
  const { plan, session } = run
  const finished = now >= plan.end
  const state = sessionStateAt(plan, now)
  // Progress rises with time and reaches 100 only at the end, failed runs included (§7).
  const progress = finished
    ? 100
    : Math.min(99, Math.floor((100 * (now - plan.start)) / (plan.end - plan.start)))
  let changed = session.state !== state || session.progress !== progress
  session.state = state
  session.progress = Math.max(0, progress)
  if (finished && session.endTime === null) {
    session.endTime = plan.end
    session.result = plan.result
    session.failureMessage = plan.failureMessage
    changed = true
  }
  for (let i = 0; i < run.tasks.length; i++) {
    const task = run.tasks[i]
    const taskPlan = plan.tasks[i]
    if (task === undefined || taskPlan === undefined || task.state === 'Completed') continue
    const taskState: TaskState =
      now < taskPlan.begin ? 'Pending' : now < taskPlan.end ? 'InProgress' : 'Completed'
    if (taskState === task.state) continue
    task.state = taskState
    changed = true
    if (taskState !== 'Completed') continue
    task.endTime = taskPlan.end
    task.result = taskPlan.result
    task.reason = taskPlan.reason
  }
  return changed
}
