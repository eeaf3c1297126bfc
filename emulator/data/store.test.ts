import { describe, expect, it } from 'vitest'
import type { JobRecord, ReplicaSessionRecord, TaskSessionRecord } from './records.ts'
import { createStore, type Store } from './store.ts'

const NOW = Date.UTC(2025, 10, 5, 12, 0, 0) * 1000 + 654_321
const SECOND = 1_000_000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const RANK = ['None', 'Success', 'Warning', 'Failed']

const running = (store: Store) => store.sessions.filter((session) => session.state !== 'Stopped')
const worst = (tasks: readonly TaskSessionRecord[]) =>
  RANK[Math.max(...tasks.map((task) => RANK.indexOf(task.result)))]

function nameTime(time: number): string {
  return new Date(Math.floor(time / 1000)).toISOString().slice(0, 19).replace('T', ' ')
}

function expectFinished(store: Store, session: ReplicaSessionRecord): void {
  expect(session.state).toBe('Stopped')
  expect(['Success', 'Warning', 'Failed']).toContain(session.result)
  expect(session.progress).toBe(100)
  expect(session.endTime).toBeGreaterThanOrEqual(session.creationTime)
  const tasks = store.tasksOfSession(session.id)
  expect(tasks.every((task) => task.state === 'Completed' && task.endTime !== null)).toBe(true)
  expect(worst(tasks)).toBe(session.result)
  expect(session.failureMessage === null).toBe(session.result === 'Success')
}

describe('lookups', () => {
  const store = createStore({ seed: 3, sessions: 500, now: NOW })

  it('finds every record by id and a session’s tasks in VM order', () => {
    const session = store.sessions[store.sessions.length - 10]
    const task = store.tasks[store.tasks.length - 1]
    const [server] = store.servers
    const [job] = store.jobs
    expect(session && store.sessionById(session.id)).toBe(session)
    expect(task && store.taskById(task.id)).toBe(task)
    expect(server && store.serverById(server.id)).toBe(server)
    expect(job && store.jobById(job.id)).toBe(job)
    const tasks = store.tasksOfSession(session?.id ?? '')
    expect(tasks.length).toBeGreaterThan(0)
    expect(tasks.every((t) => t.sessionId === session?.id)).toBe(true)
    expect(tasks.map((t) => t.vmName)).toEqual(store.jobById(session?.jobId ?? '')?.vmNames)
    expect(store.tasks.filter((t) => t.sessionId === session?.id)).toEqual(tasks)
  })

  it('answers undefined or nothing for unknown ids', () => {
    const unknown = '00000000-0000-4000-8000-000000000000'
    expect(store.sessionById(unknown)).toBeUndefined()
    expect(store.taskById(unknown)).toBeUndefined()
    expect(store.serverById(unknown)).toBeUndefined()
    expect(store.jobById(unknown)).toBeUndefined()
    expect(store.tasksOfSession(unknown)).toEqual([])
  })
})

describe('the live clock', () => {
  it('changes nothing while time stands still or goes back', () => {
    const store = createStore({ seed: 1, now: NOW })
    const before = JSON.stringify(store.sessions.slice(-5))
    store.advance(NOW)
    store.advance(NOW - MINUTE)
    expect(store.version).toBe(0)
    expect(JSON.stringify(store.sessions.slice(-5))).toBe(before)
  })

  it('moves running sessions forward and bumps the version', () => {
    const store = createStore({ seed: 1, now: NOW })
    const active = running(store)
    const progress = active.map((session) => session.progress)
    store.advance(NOW + 45 * SECOND)
    expect(store.version).toBe(1)
    active.forEach((session, i) => {
      if (session.state !== 'Stopped') expect(session.progress).toBeGreaterThan(progress[i] ?? 100)
    })
  })

  it('finishes runs at their end with a result and starts new ones on schedule', () => {
    const store = createStore({ seed: 1, now: NOW })
    const active = running(store)
    const count = store.sessions.length
    const due = store.jobs.filter((job) => job.nextRun !== null && job.nextRun <= NOW + 2 * HOUR)
    const planned = new Map(due.map((job) => [job.id, job.nextRun ?? 0]))
    store.advance(NOW + 2 * HOUR)
    for (const session of active) expectFinished(store, session)
    const fresh = store.sessions.slice(count)
    expect(fresh.length).toBeGreaterThan(0)
    for (const [jobId, slot] of planned) {
      const first = fresh.find((session) => session.jobId === jobId)
      expect(first?.creationTime).toBeGreaterThan(slot)
      expect(first?.creationTime).toBeLessThanOrEqual(slot + 15 * SECOND)
    }
    for (const session of fresh) {
      expect(session.name).toBe(`${session.jobName}@${nameTime(session.creationTime)}`)
      expect(store.tasksOfSession(session.id).map((task) => task.vmName)).toEqual(
        store.jobById(session.jobId)?.vmNames,
      )
    }
    const times = store.sessions.map((session) => session.creationTime)
    expect(times.every((time, i) => i === 0 || (times[i - 1] ?? 0) <= time)).toBe(true)
    for (const job of store.jobs) if (job.scheduleEnabled) expect(job.nextRun).toBeGreaterThan(NOW + 2 * HOUR)
  })

  it('runs a session through Starting, Working and Stopped, its tasks through Pending, InProgress, Completed', () => {
    const store = createStore({ seed: 2, now: NOW })
    const job = store.jobs
      .filter((j): j is JobRecord & { nextRun: number } => j.nextRun !== null)
      .sort((a, b) => a.nextRun - b.nextRun)[0]
    if (job === undefined) throw new Error('no scheduled job')
    // The store moves nextRun on as the job runs.
    const slot = job.nextRun
    let now = slot
    store.advance(now)
    const seen = new Set<string>()
    const taskStates = new Set<string>()
    let session: ReplicaSessionRecord | undefined
    let lastProgress = 0
    while (session?.state !== 'Stopped' && now < slot + 30 * MINUTE) {
      now += SECOND
      store.advance(now)
      session ??= store.sessions.findLast((s) => s.jobId === job.id && s.creationTime >= slot)
      if (session === undefined) continue
      seen.add(session.state)
      expect(session.progress).toBeGreaterThanOrEqual(lastProgress)
      lastProgress = session.progress
      if (session.state !== 'Stopped') {
        expect(session).toMatchObject({ endTime: null, result: 'None' })
        expect(session.progress).toBeLessThanOrEqual(99)
      }
      for (const task of store.tasksOfSession(session.id)) {
        taskStates.add(task.state)
        expect(task.creationTime).toBeLessThanOrEqual(now)
        if (task.state !== 'Completed')
          expect(task).toMatchObject({ endTime: null, result: 'None', reason: '' })
      }
    }
    expect([...seen]).toEqual(['Starting', 'Working', 'Stopping', 'Stopped'])
    expect([...taskStates].sort()).toEqual(['Completed', 'InProgress', 'Pending'])
    if (session === undefined) throw new Error('the job never ran')
    expectFinished(store, session)
  })

  it('keeps failure and warning rates and retries failures over ten days', () => {
    const store = createStore({ seed: 4, now: NOW })
    const count = store.sessions.length
    store.advance(NOW + 10 * DAY)
    const fresh = store.sessions.slice(count).filter((session) => session.state === 'Stopped')
    const share = (result: string) =>
      fresh.filter((session) => session.result === result).length / fresh.length
    expect(fresh.length).toBeGreaterThan(500)
    expect(share('Failed')).toBeGreaterThan(0.02)
    expect(share('Failed')).toBeLessThan(0.1)
    expect(share('Warning')).toBeGreaterThan(0.03)
    expect(share('Warning')).toBeLessThan(0.12)
    expect(fresh.some((session) => session.isRetry)).toBe(true)
    for (const session of fresh) expect(session.endTime).toBeGreaterThanOrEqual(session.creationTime)
  })

  it('does not depend on how often it is advanced', () => {
    const coarse = createStore({ seed: 6, sessions: 300, now: NOW })
    const fine = createStore({ seed: 6, sessions: 300, now: NOW })
    coarse.advance(NOW + 6 * HOUR)
    for (let now = NOW; now <= NOW + 6 * HOUR; now += 7 * MINUTE) fine.advance(now)
    fine.advance(NOW + 6 * HOUR)
    const finished = (store: Store) =>
      store.sessions
        .filter((s) => s.state === 'Stopped')
        .map(({ id, result, endTime }) => ({ id, result, endTime }))
    expect(finished(fine)).toEqual(finished(coarse))
  })
})

describe('reset', () => {
  it('regenerates the seed’s data relative to the new now and bumps the version', () => {
    const store = createStore({ seed: 8, sessions: 600, now: NOW })
    const jobs = store.jobs.map((job) => job.id)
    const sessions = store.sessions
    store.advance(NOW + HOUR)
    const version = store.version
    store.reset(NOW + 3 * DAY)
    expect(store.version).toBeGreaterThan(version)
    expect(store.sessions).not.toBe(sessions)
    expect(store.jobs.map((job) => job.id)).toEqual(jobs)
    const last = store.sessions.at(-1)?.creationTime ?? 0
    expect(last).toBeGreaterThan(NOW + 2 * DAY)
    expect(last).toBeLessThanOrEqual(NOW + 3 * DAY)
    expect(running(store).length).toBeGreaterThanOrEqual(2)
    expect(store.sessions[0]?.creationTime).toBeGreaterThanOrEqual(NOW + 3 * DAY - 45 * DAY)
    expect(store.sessions[0]?.creationTime).toBeGreaterThan(sessions[0]?.creationTime ?? 0)
  })
})

describe('data collection lag (em-api.md §6.6)', () => {
  it('shows what the last collection copied: running sessions freeze, new ones wait, until the next one', () => {
    const store = createStore({ seed: 2, now: NOW })
    store.setCollection(15 * MINUTE, NOW)
    const frozen = running(store)
    expect(frozen.length).toBeGreaterThan(0)
    const count = store.sessions.length
    const progress = frozen.map((session) => session.progress)
    store.advance(NOW + 14 * MINUTE)
    expect(running(store).map((session) => session.progress)).toEqual(progress)
    expect(store.sessions.length).toBe(count)
    store.advance(NOW + 15 * MINUTE)
    expect(store.sessions.length).toBeGreaterThan(count)
    for (const session of frozen) expect(store.sessionById(session.id)?.progress).not.toBe(session.progress)
    const shown = store.sessionById(frozen[0]?.id ?? '')
    if (shown?.state === 'Stopped') expectFinished(store, shown)
  })

  it("collects only when asked in 'manual' mode, one server at a time, and a reset starts from its data", () => {
    const store = createStore({ seed: 2, now: NOW })
    store.setCollection('manual', NOW)
    const count = store.sessions.length
    store.advance(NOW + 3 * DAY)
    expect(store.sessions.length).toBe(count)
    const [first] = store.servers
    store.collect(first?.id ?? '')
    const added = store.sessions.slice(count)
    expect(added.length).toBeGreaterThan(0)
    expect(added.every((session) => session.backupServerId === first?.id)).toBe(true)
    store.collect(null)
    expect(new Set(store.sessions.slice(count).map((s) => s.backupServerId)).size).toBe(store.servers.length)
    store.reset(NOW)
    expect(store.sessions.length).toBe(count)
    store.setCollection(null, NOW)
    store.advance(NOW + DAY)
    expect(store.sessions.length).toBeGreaterThan(count)
  })
})
