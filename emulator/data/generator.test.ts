import { describe, expect, it } from 'vitest'
import { generate } from './generator.ts'
import { FAILED_REASONS, WARNING_REASONS } from './reasons.ts'
import type { ReplicaSessionRecord, TaskSessionRecord } from './records.ts'

const NOW = Date.UTC(2025, 10, 5, 12, 0, 0) * 1000 + 123_456
const MINUTE = 60_000_000
const DAY = 1440 * MINUTE
const GIB = 1024 ** 3
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

function snapshot(seed: number, sessions?: number) {
  const data = generate({ seed, sessions, now: NOW })
  return { servers: data.servers, jobs: data.jobs, runs: data.runs }
}

function nameTime(time: number): string {
  return new Date(Math.floor(time / 1000)).toISOString().slice(0, 19).replace('T', ' ')
}

const worst = (tasks: readonly TaskSessionRecord[]) =>
  ['Failed', 'Warning', 'Success'].find((result) => tasks.some((task) => task.result === result))

describe('generate', () => {
  it('is deterministic for a seed and now, and differs between seeds', () => {
    const first = snapshot(1)
    expect(snapshot(1)).toEqual(first)
    const other = snapshot(2)
    expect(other.runs.map((run) => run.session.id)).not.toEqual(first.runs.map((run) => run.session.id))
    expect(other.runs.map((run) => run.session.name)).not.toEqual(first.runs.map((run) => run.session.name))
  })

  it('places the history relative to now', () => {
    const later = generate({ seed: 1, now: NOW + 7 * DAY })
    const earlier = snapshot(1)
    expect(later.runs.at(-1)?.session.creationTime).toBeGreaterThan(NOW + 6 * DAY)
    expect(earlier.runs.at(-1)?.session.creationTime).toBeLessThanOrEqual(NOW)
  })
})

describe.each([1, 2, 3])('the default data set of seed %i', (seed) => {
  const data = generate({ seed, now: NOW })
  const sessions = data.runs.map((run) => run.session)
  const tasks = data.runs.flatMap((run) => run.tasks)
  const finished = sessions.filter((session) => session.state === 'Stopped')
  const share = (result: string) =>
    finished.filter((session) => session.result === result).length / finished.length

  it('has 3 servers, about 24 jobs and about 3,000 sessions over 45 days', () => {
    expect(data.servers.map((server) => server.name)).toEqual([
      'vbr-hq01.corp.local',
      'vbr-dr01.corp.local',
      'vbr-branch02.corp.local',
    ])
    for (const server of data.servers) {
      expect(server).toMatchObject({ port: 9392, wcfPort: 9405 })
      expect(server.version).toMatch(/^1[23]\.\d+\.\d+\.\d+$/)
      expect(server.thumbprint).toMatch(/^[0-9A-F]{40}$/)
    }
    expect(data.jobs.length).toBeGreaterThanOrEqual(20)
    expect(data.jobs.length).toBeLessThanOrEqual(30)
    expect(sessions.length).toBeGreaterThan(2800)
    expect(sessions.length).toBeLessThan(3200)
    const oldest = sessions[0]?.creationTime ?? NOW
    expect(oldest).toBeGreaterThanOrEqual(NOW - 45 * DAY)
    expect(oldest).toBeLessThan(NOW - 43 * DAY)
  })

  it('keeps sessions ordered by creation time and every id a unique lower-case GUID', () => {
    expect(
      sessions.every((session, i) => i === 0 || (sessions[i - 1]?.creationTime ?? 0) <= session.creationTime),
    ).toBe(true)
    const ids = [...data.servers, ...data.jobs, ...sessions, ...tasks].map((record) => record.id)
    expect(ids.every((id) => GUID.test(id))).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('gives jobs realistic schedules, VMs and descriptions', () => {
    const intervals = data.jobs.map((job) => job.intervalMinutes)
    expect(intervals).toContain(15)
    expect(Math.max(...intervals)).toBeLessThanOrEqual(1440)
    expect(new Set(data.jobs.map((job) => job.platform))).toEqual(new Set(['VMware', 'HyperV']))
    for (const job of data.jobs) {
      expect(job.jobType).toBe('Replica')
      expect(job.vmNames.length).toBeGreaterThanOrEqual(1)
      expect(job.vmNames.length).toBeLessThanOrEqual(15)
      expect(job.description).toMatch(
        /^Created by \S+\\\S+ at \d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2} [AP]M\.$/,
      )
      if (job.scheduleEnabled) expect(job.nextRun).toBeGreaterThan(NOW)
      else expect(job.nextRun).toBeNull()
    }
    const disabled = data.jobs.filter((job) => !job.scheduleEnabled).length
    expect(disabled).toBeGreaterThanOrEqual(1)
    expect(disabled).toBeLessThanOrEqual(2)
  })

  it('fails 3–8% and warns 5–10% of finished sessions, with a failure message exactly on those', () => {
    expect(share('Failed')).toBeGreaterThanOrEqual(0.03)
    expect(share('Failed')).toBeLessThanOrEqual(0.08)
    expect(share('Warning')).toBeGreaterThanOrEqual(0.05)
    expect(share('Warning')).toBeLessThanOrEqual(0.1)
    for (const session of finished) {
      expect(session.failureMessage === null).toBe(session.result === 'Success')
      expect(session.progress).toBe(100)
      expect(session.endTime).not.toBeNull()
      const length = (session.endTime ?? 0) - session.creationTime
      expect(length).toBeGreaterThanOrEqual(3 * MINUTE)
      expect(length).toBeLessThanOrEqual(20 * MINUTE)
    }
  })

  it('has 2–4 sessions running at now, with running fields', () => {
    const running = sessions.filter((session) => session.state !== 'Stopped')
    expect(running.length).toBeGreaterThanOrEqual(2)
    expect(running.length).toBeLessThanOrEqual(4)
    for (const session of running) {
      expect(session).toMatchObject({ endTime: null, result: 'None', failureMessage: null })
      expect(['Starting', 'Working', 'Stopping']).toContain(session.state)
      expect(session.progress).toBeLessThanOrEqual(99)
      expect(session.creationTime).toBeLessThanOrEqual(NOW)
    }
  })

  it('names sessions and tasks after their creation time, with microsecond times', () => {
    for (const { session, tasks: own } of data.runs) {
      expect(session.name).toBe(`${session.jobName}@${nameTime(session.creationTime)}`)
      for (const task of own) expect(task.name).toBe(`${task.vmName}@${nameTime(task.creationTime)}`)
    }
    expect(sessions.filter((session) => session.creationTime % 1000 !== 0).length).toBeGreaterThan(
      sessions.length / 2,
    )
  })

  it('follows some failures with retries of the same job a few minutes later', () => {
    const retries = sessions.filter((session) => session.isRetry)
    expect(retries.length).toBeGreaterThan(0)
    for (const retry of retries) {
      const before = sessions
        .filter((s) => s.jobId === retry.jobId && s.creationTime < retry.creationTime)
        .at(-1)
      expect(before?.result).toBe('Failed')
      const gap = retry.creationTime - (before?.endTime ?? Number.NaN)
      expect(gap).toBeGreaterThanOrEqual(MINUTE)
      expect(gap).toBeLessThanOrEqual(10 * MINUTE)
    }
  })

  it('gives every session one task per VM, with reasons on failed and warning tasks', () => {
    const jobs = new Map(data.jobs.map((job) => [job.id, job]))
    const sizes = new Map<string, number>()
    const problems: string[] = []
    for (const { session, tasks: own } of data.runs) {
      expect(own.map((task) => task.vmName)).toEqual(jobs.get(session.jobId)?.vmNames)
      if (session.state === 'Stopped' && worst(own) !== session.result)
        problems.push(`${session.name}: result`)
      for (const task of own) {
        const gib = task.totalSize / GIB
        const key = `${session.jobId}/${task.vmName}`
        if (task.sessionId !== session.id || task.creationTime < session.creationTime)
          problems.push(task.name)
        if (!Number.isInteger(gib) || gib < 8 || gib > 2048) problems.push(`${task.name}: ${gib} GiB`)
        if ((sizes.get(key) ?? task.totalSize) !== task.totalSize) problems.push(`${key}: size changed`)
        sizes.set(key, task.totalSize)
        if (task.state !== 'Completed') continue
        const reasons =
          task.result === 'Failed' ? FAILED_REASONS : task.result === 'Warning' ? WARNING_REASONS : ['']
        if (!reasons.includes(task.reason))
          problems.push(`${task.name}: ${task.result} with '${task.reason}'`)
        if ((task.endTime ?? 0) < task.creationTime) problems.push(`${task.name}: ends before it starts`)
      }
    }
    expect(problems).toEqual([])
    expect(tasks.some((task) => task.result === 'Failed')).toBe(true)
    expect(tasks.some((task) => task.result === 'Warning')).toBe(true)
  })
})

describe('sizes', () => {
  it('scales down to a handful of sessions, still with running ones', () => {
    const sessions: ReplicaSessionRecord[] = generate({ seed: 5, sessions: 10, now: NOW }).runs.map(
      (run) => run.session,
    )
    expect(sessions.length).toBeGreaterThanOrEqual(8)
    expect(sessions.length).toBeLessThanOrEqual(12)
    expect(sessions.some((session) => session.state !== 'Stopped')).toBe(true)
  })

  it('keeps 400 sessions spread over more than 30 days', () => {
    const sessions = generate({ seed: 1, sessions: 400, now: NOW }).runs.map((run) => run.session)
    expect(sessions[0]?.creationTime).toBeLessThan(NOW - 31 * DAY)
  })

  it('generates 200,000 sessions with tasks', { timeout: 120_000 }, () => {
    const data = generate({ seed: 1, sessions: 200_000, now: NOW })
    expect(data.runs.length).toBeGreaterThan(190_000)
    expect(data.runs.length).toBeLessThan(210_000)
    expect(data.runs.every((run) => run.tasks.length >= 1)).toBe(true)
    const running = data.runs.filter((run) => run.session.state !== 'Stopped').length
    expect(running).toBeGreaterThanOrEqual(2)
    expect(running).toBeLessThanOrEqual(4)
  })
})
