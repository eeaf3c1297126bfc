import { describe, expect, it } from 'vitest'
import { generate } from './generator.ts'
import { pointIdOf } from './point-book.ts'
import type { ReplicaPointRecord, TaskSessionRecord } from './records.ts'
import { STUCK_REASON } from './scenarios.ts'
import { createStore, type Store } from './store.ts'

const NOW = Date.UTC(2025, 10, 5, 12, 0, 0) * 1000 + 98_765
const MINUTE = 60_000_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

const live = (store: Store) => store.points.filter((point) => !point.deleted)

function jobOfTask(store: Store, task: TaskSessionRecord): string {
  return store.sessionById(task.sessionId)?.jobId ?? ''
}

/** Each (replica, VM) chain's live points, oldest first. */
function chains(store: Store): Map<string, ReplicaPointRecord[]> {
  const byChain = new Map<string, ReplicaPointRecord[]>()
  for (const point of live(store)) {
    const key = `${point.replicaId}/${point.vmName}`
    byChain.set(key, [...(byChain.get(key) ?? []), point])
  }
  return byChain
}

describe.each([1, 2, 3])('replicas and points of seed %i', (seed) => {
  const store = createStore({ seed, now: NOW })

  it('has one replica per job: its name, platform and server, a UID of its own', () => {
    expect(store.replicas.map((replica) => replica.jobId)).toEqual(store.jobs.map((job) => job.id))
    for (const replica of store.replicas) {
      const job = store.jobById(replica.jobId)
      expect(replica).toMatchObject({ name: job?.name, platform: job?.platform })
      expect(replica.backupServerId).toBe(job?.backupServerId)
      expect(replica.id).not.toBe(job?.id)
    }
  })

  it('leaves a point for the newest Success and Warning tasks of each VM, up to 7–28 per VM, none for failures', () => {
    const byId = new Map(live(store).map((point) => [point.id, point]))
    const tasks = store.tasks.filter((task) => task.state === 'Completed')
    const withPoint = tasks.filter((task) => byId.has(pointIdOf(task.id)))
    expect(withPoint.every((task) => task.result === 'Success' || task.result === 'Warning')).toBe(true)
    for (const task of withPoint) {
      const point = byId.get(pointIdOf(task.id))
      expect(point?.vmName).toBe(task.vmName)
      expect(point?.creationTime).toBeGreaterThan(task.creationTime)
      expect(point?.creationTime).toBeLessThanOrEqual(task.endTime ?? 0)
      const stamp = new Date(Math.floor((point?.creationTime ?? 0) / 1000)).toISOString()
      expect(point?.name).toBe(`${task.vmName}@${stamp.slice(0, 19).replace('T', ' ')}`)
      expect(store.replicaById(point?.replicaId ?? '')?.jobId).toBe(jobOfTask(store, task))
    }
    for (const points of chains(store).values()) {
      expect(points.length).toBeLessThanOrEqual(28)
      // Retention keeps the newest: no Success or Warning task of that VM is newer than the chain's newest point.
      const newest = points.at(-1)?.creationTime ?? 0
      expect(
        points.every((point, i) => i === 0 || (points[i - 1]?.creationTime ?? 0) <= point.creationTime),
      ).toBe(true)
      expect(newest).toBeGreaterThan(0)
    }
    expect(new Set(live(store).map((point) => point.id)).size).toBe(live(store).length)
  })

  it('shows every protection case: a VM failing for days, a silent job, a VM never replicated, a folder', () => {
    const data = generate({ seed, now: NOW })
    const { stuck, stalled, neverReplicated, container } = data.scenarios
    const stuckJob = data.jobs[stuck ?? -1]
    const stuckTasks = store.tasks.filter(
      (task) => task.reason === STUCK_REASON && jobOfTask(store, task) === stuckJob?.id,
    )
    expect(stuckTasks.length).toBeGreaterThanOrEqual(3)
    const vm = stuckTasks[0]?.vmName ?? ''
    const vmPoints = live(store).filter(
      (point) => point.vmName === vm && store.replicaById(point.replicaId)?.jobId === stuckJob?.id,
    )
    expect(Math.max(...vmPoints.map((point) => point.creationTime))).toBeLessThan(NOW - 3 * DAY)

    const silent = data.jobs[stalled ?? -1]
    expect(silent?.scheduleEnabled).toBe(true)
    const lastRun = Math.max(
      ...store.sessions.filter((s) => s.jobId === silent?.id).map((s) => s.creationTime),
    )
    expect(lastRun).toBeLessThan(NOW - 48 * HOUR)
    expect(silent?.nextRun).toBeGreaterThan(NOW)

    const added = data.jobs[neverReplicated ?? -1]
    const names = store.includesOfJob(added?.id ?? '').map((include) => include.name)
    const extra = names.filter((name) => !added?.vmNames.includes(name))
    expect(extra).toHaveLength(1)
    expect(store.tasks.some((task) => task.vmName === extra[0])).toBe(false)

    const folder = store.includesOfJob(data.jobs[container ?? -1]?.id ?? '')
    expect(folder).toHaveLength(1)
    expect(folder[0]?.hierarchyObjRef).toMatch(/^urn:VMware:Folder:/)
    expect(store.jobs.some((job) => !job.scheduleEnabled)).toBe(true)
  })
})

describe('points on the live clock', () => {
  it('adds a point when a task succeeds, drops the oldest beyond retention, however often it is advanced', () => {
    const coarse = createStore({ seed: 5, now: NOW })
    const fine = createStore({ seed: 5, now: NOW })
    const before = live(coarse).length
    coarse.advance(NOW + 2 * DAY)
    for (let now = NOW; now <= NOW + 2 * DAY; now += 11 * MINUTE) fine.advance(now)
    fine.advance(NOW + 2 * DAY)
    const ids = (store: Store) =>
      live(store)
        .map((point) => point.id)
        .sort()
    expect(ids(fine)).toEqual(ids(coarse))
    const fresh = live(coarse).filter((point) => point.creationTime > NOW)
    expect(fresh.length).toBeGreaterThan(50)
    expect(live(coarse).length).toBeLessThan(before + fresh.length)
    const taskOfPoint = new Map(coarse.tasks.map((task) => [pointIdOf(task.id), task]))
    for (const point of fresh) expect(['Success', 'Warning']).toContain(taskOfPoint.get(point.id)?.result)
    for (const points of chains(coarse).values()) expect(points.length).toBeLessThanOrEqual(28)
    expect(coarse.pointById(fresh[0]?.id ?? '')).toBe(fresh[0])
  })
})

describe('the bench layout', () => {
  it('generates 2,000 VMs in 150 jobs over 30 days, every VM processed', () => {
    const data = generate({ seed: 1, now: NOW, layout: { jobs: 150, vms: 2000, days: 30 } })
    expect(data.jobs).toHaveLength(150)
    expect(data.jobs.reduce((sum, job) => sum + job.vmNames.length, 0)).toBe(2000)
    const oldest = data.runs[0]?.session.creationTime ?? NOW
    expect(oldest).toBeGreaterThanOrEqual(NOW - 30 * DAY)
    expect(oldest).toBeLessThan(NOW - 28 * DAY)
    const jobs = new Map(data.jobs.map((job) => [job.id, job]))
    for (const { session, tasks } of data.runs.slice(-200))
      expect(tasks.map((task) => task.vmName)).toEqual(jobs.get(session.jobId)?.vmNames)
  })
})
