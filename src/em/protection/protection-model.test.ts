import { describe, expect, it } from 'vitest'
import {
  DAY,
  HOUR,
  include,
  inputOf,
  job,
  MINUTE,
  NOW,
  point,
  replica,
  SERVER,
  session,
  task,
} from './model-test-kit.ts'
import { computeProtection, lookupsNeeded } from './protection-model.ts'
import type { ProtectionRow } from './protection-types.ts'

/** A job that ran every 6 hours over two days, each VM succeeding and leaving a point. */
function healthyJob(name: string, vms: readonly string[]) {
  const sessions = Array.from({ length: 8 }, (_, i) => session(name, NOW - (i * 6 + 1) * HOUR, 'Success'))
  const tasks = sessions.flatMap((s) => vms.map((vm) => task(s, vm, 'Success')))
  const points = tasks.map((t) => point(name, t.vmDisplayName, t.creationTime + MINUTE))
  return { sessions, tasks, points }
}

function rowOf(rows: readonly ProtectionRow[], vm: string, jobName?: string): ProtectionRow {
  const row = rows.find((r) => r.vmName === vm && (jobName === undefined || r.jobName === jobName))
  if (!row) throw new Error(`no row for ${vm}`)
  return row
}

describe('computeProtection: the five statuses', () => {
  it('Protected: a point younger than the at-risk threshold', () => {
    const data = healthyJob('Web', ['web01'])
    const view = computeProtection(
      inputOf({ ...data, jobs: [job('Web')], includes: [include('Web', 'web01')] }),
    )
    expect(view.rows).toHaveLength(1)
    expect(rowOf(view.rows, 'web01')).toMatchObject({
      status: 'protected',
      jobName: 'Web',
      serverName: SERVER,
      ageMs: HOUR - 2 * MINUTE,
      failedRuns: 0,
    })
    expect(view.counts.protected).toBe(1)
    expect(view.withinRpoShare).toBe(1)
    expect(view.lowerBounds).toEqual([])
  })

  it('At risk past 80 % of the RPO, Out of RPO past the RPO: boundaries are exclusive', () => {
    const ages = { a: 0.8 * 24 * HOUR, b: 0.8 * 24 * HOUR + 1, c: 24 * HOUR, d: 24 * HOUR + 1 }
    const sessions = [session('Daily', NOW - 2 * HOUR, 'Success')]
    const points = Object.entries(ages).map(([vm, age]) => point('Daily', vm, NOW - age))
    const tasks = Object.keys(ages).map((vm) =>
      task(sessions[0] ?? session('Daily', 0, 'Success'), vm, 'Failed'),
    )
    const view = computeProtection(inputOf({ points, sessions, tasks, jobs: [job('Daily')], includes: [] }))
    expect(['a', 'b', 'c', 'd'].map((vm) => rowOf(view.rows, vm).status)).toEqual([
      'protected',
      'atRisk',
      'atRisk',
      'outOfRpo',
    ])
    expect(view.rows.map((row) => row.vmName)).toEqual(['d', 'c', 'b', 'a'])
    expect(view.withinRpoShare).toBe(0.75)
  })

  it('Out of RPO with its failing streak, in runs: each failure and its retries count once', () => {
    const sessions = [0, 1, 2].flatMap((run) => {
      const first = session('DB', NOW - run * 15 * HOUR - 3 * HOUR, 'Failed')
      const retry = session('DB', first.creationTime + 15 * MINUTE, 'Failed', { isRetry: true })
      return [first, retry]
    })
    const tasks = sessions.flatMap((s) => [task(s, 'db01', 'Failed'), task(s, 'db02', 'Success')])
    const points = [
      point('DB', 'db01', NOW - 3 * DAY - 2 * HOUR),
      point('DB', 'db02', NOW - 3 * HOUR + 20 * MINUTE),
    ]
    const view = computeProtection(inputOf({ sessions, tasks, points, jobs: [job('DB')] }))
    const db01 = rowOf(view.rows, 'db01')
    expect(db01).toMatchObject({ status: 'outOfRpo', failedRuns: 3 })
    // Its last point is older than the window: every run the window shows failed, and may go further back.
    expect(db01.detail).toBe('Newest point 3 d old; failed in all 3 runs of the last 2 d')
    expect(db01.streakOpen).toBe(true)
    expect(db01.reason?.label).toBe('target datastore has insufficient free space')
    expect(rowOf(view.rows, 'db02').status).toBe('protected')
    expect(view.groups).toEqual([
      {
        key: 'target datastore has insufficient free space',
        serverName: SERVER,
        label: 'target datastore has insufficient free space',
        count: 1,
      },
    ])
  })

  it('a failure its retry fixed is a successful run: no streak, no group; the point tells of the success', () => {
    // EM is asked for the tasks that did not succeed: the retry's success is known from the point it left.
    const first = session('Mail', NOW - 2 * HOUR, 'Failed')
    const retry = session('Mail', NOW - 2 * HOUR + 12 * MINUTE, 'Success', { isRetry: true })
    const tasks = [task(first, 'mx01', 'Failed')]
    const view = computeProtection(
      inputOf({
        sessions: [first, retry],
        tasks,
        points: [point('Mail', 'mx01', retry.creationTime + 2 * MINUTE)],
      }),
    )
    expect(rowOf(view.rows, 'mx01')).toMatchObject({ status: 'protected', failedRuns: 0, reason: null })
    expect(rowOf(view.rows, 'mx01').latestTask).toMatchObject({
      result: 'Success',
      fromPoint: true,
      time: retry.creationTime + 2 * MINUTE,
      sessionId: null,
    })
    expect(view.groups).toEqual([])
  })

  it('a warning run is the latest run though its own point lies inside it, and ends a failing streak', () => {
    const failed = session('Mail', NOW - 26 * HOUR, 'Failed')
    const warned = session('Mail', NOW - 2 * HOUR, 'Warning')
    const tasks = [
      task(failed, 'mx01', 'Failed'),
      task(warned, 'mx01', 'Warning', 'Warning: Snapshot consolidation is required on host esx02.corp.local'),
    ]
    const view = computeProtection(
      inputOf({
        sessions: [failed, warned],
        tasks,
        points: [point('Mail', 'mx01', warned.creationTime + 2 * MINUTE)],
      }),
    )
    const row = rowOf(view.rows, 'mx01')
    expect(row).toMatchObject({ status: 'protected', failedRuns: 0 })
    expect(row.latestTask).toMatchObject({ result: 'Warning', fromPoint: false })
    expect(row.reason?.label).toBe('snapshot consolidation is required on host')
  })

  it('Never replicated: in the includes, never processed, and none found when looked up', () => {
    const data = healthyJob('Web', ['web01'])
    const view = computeProtection(
      inputOf({
        ...data,
        jobs: [job('Web')],
        includes: [include('Web', 'web01'), include('Web', 'web02')],
        olderPoints: { asked: ['web02'], items: [] },
      }),
    )
    expect(rowOf(view.rows, 'web02')).toMatchObject({
      status: 'neverReplicated',
      detail: "In the job's includes, never processed",
      lastPoint: null,
      latestTask: null,
    })
    expect(view.counts).toMatchObject({ neverReplicated: 1, protected: 1 })
  })

  it('missing points: a VM not looked up further is Out of RPO as "older than the window", never Never replicated', () => {
    const data = healthyJob('Web', ['web01'])
    const view = computeProtection(
      inputOf({ ...data, jobs: [job('Web')], includes: [include('Web', 'web01'), include('Web', 'web02')] }),
    )
    expect(rowOf(view.rows, 'web02')).toMatchObject({
      status: 'outOfRpo',
      detail: 'No point in the last 2 d',
      olderThan: NOW - 48 * HOUR,
    })
    expect(view.limits.some((text) => text.includes('were not looked up further'))).toBe(true)
  })

  it('a VM without a point whose older points were not read, when the points cover less than the RPO: At risk, not a false alarm', () => {
    const data = healthyJob('Web', ['web01'])
    const view = computeProtection(
      inputOf(
        { ...data, jobs: [job('Web')], includes: [include('Web', 'web01'), include('Web', 'web02')] },
        { rpoHours: 72 },
      ),
    )
    expect(rowOf(view.rows, 'web02')).toMatchObject({
      status: 'atRisk',
      detail: 'No point in the last 2 d (older points not read)',
    })
  })

  it('a point found by the lookup gives the exact age of a VM the window missed', () => {
    const data = healthyJob('Web', ['web01'])
    const old = point('Web', 'web02', NOW - 5 * DAY)
    const view = computeProtection(
      inputOf({
        ...data,
        jobs: [job('Web')],
        includes: [include('Web', 'web01'), include('Web', 'web02')],
        olderPoints: { asked: ['web02'], items: [old] },
      }),
    )
    expect(rowOf(view.rows, 'web02')).toMatchObject({ status: 'outOfRpo', ageMs: 5 * DAY, olderThan: null })
    expect(view.oldestPoint).toBe(NOW - 5 * DAY)
  })

  it('Job silent: schedule disabled, whatever the point age', () => {
    const data = healthyJob('HR', ['hr01'])
    const view = computeProtection(
      inputOf({ ...data, jobs: [job('HR', { scheduleEnabled: false, nextRun: null })] }),
    )
    expect(rowOf(view.rows, 'hr01')).toMatchObject({ status: 'jobSilent', detail: 'Job schedule disabled' })
  })

  it('Job silent: no run for far longer than the job’s usual interval, schedule still on', () => {
    const sessions = Array.from({ length: 6 }, (_, i) =>
      session('SQL', NOW - 30 * HOUR - i * 4 * HOUR, 'Success'),
    )
    const tasks = sessions.map((s) => task(s, 'sql01', 'Success'))
    const points = tasks.map((t) => point('SQL', 'sql01', t.creationTime + MINUTE))
    const view = computeProtection(
      inputOf({ sessions, tasks, points, jobs: [job('SQL', { nextRun: NOW + HOUR })] }),
    )
    expect(rowOf(view.rows, 'sql01')).toMatchObject({
      status: 'jobSilent',
      detail: 'Job no run for 30 h; it ran every 4 h',
    })
  })

  it('Job silent: no run at all in the window, though the replica has points', () => {
    const points = [point('Old', 'old01', NOW - 3 * DAY)]
    const view = computeProtection(
      inputOf({ points, replicas: [replica('Old')], jobs: 'denied', includes: 'denied' }),
    )
    expect(rowOf(view.rows, 'old01')).toMatchObject({
      status: 'jobSilent',
      detail: 'Job no run in the last 2 d',
    })
  })

  it('Job silent: its NextRun passed without a run', () => {
    // Runs every 6 h, the last 7 h ago: not yet late by its interval, but the run due an hour ago did not start.
    const sessions = [7, 13, 19, 25].map((hours) => session('ERP', NOW - hours * HOUR, 'Success'))
    const tasks = sessions.map((s) => task(s, 'erp01', 'Success'))
    const points = tasks.map((t) => point('ERP', 'erp01', t.creationTime + MINUTE))
    const due = computeProtection(
      inputOf({ sessions, tasks, points, jobs: [job('ERP', { nextRun: NOW - HOUR })] }),
    )
    expect(rowOf(due.rows, 'erp01')).toMatchObject({
      status: 'jobSilent',
      detail: 'Job missed its run due 1 h ago',
    })
    const ahead = computeProtection(
      inputOf({ sessions, tasks, points, jobs: [job('ERP', { nextRun: NOW - 10 * MINUTE })] }),
    )
    expect(rowOf(ahead.rows, 'erp01').status).toBe('protected')
  })

  it('a running job is never silent', () => {
    const sessions = [
      session('SQL', NOW - 30 * HOUR, 'Success'),
      session('SQL', NOW - 34 * HOUR, 'Success'),
      session('SQL', NOW - 38 * HOUR, 'Success'),
      session('SQL', NOW - 5 * MINUTE, 'None'),
    ]
    const tasks = sessions.map((s) => task(s, 'sql01', s.result))
    const view = computeProtection(
      inputOf({ sessions, tasks, points: [point('SQL', 'sql01', NOW - 30 * HOUR)] }),
    )
    expect(rowOf(view.rows, 'sql01')).toMatchObject({ status: 'outOfRpo' })
    expect(rowOf(view.rows, 'sql01').latestTask?.state).toBe('InProgress')
  })
})

describe('computeProtection: awkward data', () => {
  it('clock skew: a point in the future is age 0, Protected, with a note', () => {
    const view = computeProtection(
      inputOf({
        points: [point('Web', 'web01', NOW + 2 * HOUR)],
        sessions: [session('Web', NOW - HOUR, 'Success')],
      }),
    )
    const row = rowOf(view.rows, 'web01')
    expect(row).toMatchObject({ status: 'protected', ageMs: 0 })
    expect(row.notes).toEqual(["The newest point is 2 h in the future: EM's clock is ahead of this one."])
  })

  it('a VM in two jobs is two rows, each with its own status', () => {
    const a = healthyJob('Site A', ['sql01'])
    const b = session('Site B', NOW - 2 * HOUR, 'Failed')
    const view = computeProtection(
      inputOf({
        sessions: [...a.sessions, b],
        tasks: [...a.tasks, task(b, 'sql01', 'Failed')],
        points: [...a.points, point('Site B', 'sql01', NOW - 40 * HOUR)],
      }),
    )
    expect(view.rows.filter((row) => row.vmName === 'sql01').map((row) => [row.jobName, row.status])).toEqual(
      [
        ['Site B', 'outOfRpo'],
        ['Site A', 'protected'],
      ],
    )
  })

  it('a renamed VM: its old name leaves the list when the includes no longer name it, its new name is protected', () => {
    const data = healthyJob('Web', ['web-new'])
    const points = [...data.points, point('Web', 'web-old', NOW - 4 * DAY)]
    const view = computeProtection(
      inputOf({ ...data, points, jobs: [job('Web')], includes: [include('Web', 'web-new')] }),
    )
    expect(view.rows.map((row) => row.vmName)).toEqual(['web-new'])
    expect(view.hidden).toBe(1)
  })

  it('a renamed VM for a Portal User: the old name stays, flagged as not in the job’s runs', () => {
    const data = healthyJob('Web', ['web-new'])
    const points = [...data.points, point('Web', 'web-old', NOW - 4 * DAY)]
    const view = computeProtection(inputOf({ ...data, points, jobs: 'denied', includes: 'denied' }))
    const old = rowOf(view.rows, 'web-old')
    expect(old.status).toBe('outOfRpo')
    expect(old.notes).toEqual(["Not in the job's last 8 runs: removed from the job, or renamed?"])
    expect(view.hidden).toBe(0)
  })

  it('a point under the replica VM’s `_replica` name joins its source VM', () => {
    const s = session('Web', NOW - HOUR, 'Success')
    const view = computeProtection(
      inputOf({
        sessions: [s],
        tasks: [task(s, 'web01', 'Success')],
        points: [point('Web', 'web01_replica', NOW - 50 * MINUTE)],
      }),
    )
    expect(view.rows.map((row) => [row.vmName, row.status])).toEqual([['web01', 'protected']])
  })

  it('a Portal User’s partial data: rows from points and tasks, the blind spots said, no false all-good', () => {
    const data = healthyJob('Web', ['web01'])
    const failed = session('DB', NOW - 3 * HOUR, 'Failed')
    const view = computeProtection(
      inputOf({
        sessions: [...data.sessions, failed],
        tasks: [...data.tasks, task(failed, 'db01', 'Failed')],
        points: data.points,
        replicas: [replica('Web', 'HyperV'), replica('DB')],
        jobs: 'denied',
        includes: 'denied',
        olderPoints: { asked: ['db01'], items: [] },
      }),
    )
    expect(rowOf(view.rows, 'web01')).toMatchObject({ status: 'protected', platform: 'HyperV' })
    expect(rowOf(view.rows, 'db01')).toMatchObject({
      status: 'neverReplicated',
      detail: 'No replica point; its run failed',
    })
    // Counts that rest on what EM refused are lower bounds, never a reassuring 0.
    expect(view.lowerBounds).toEqual(['neverReplicated', 'jobSilent'])
    expect(view.limits[0]).toMatch(/^Job schedules are unavailable: this account may not read \/jobs/)
    expect(view.limits[1]).toMatch(
      /^Job includes are unavailable: .*"Never replicated" covers only VMs whose runs all failed/,
    )
  })

  it('a job that includes a folder: its VMs are rows from their runs, and the limit is said', () => {
    const data = healthyJob('Exchange DR', ['exch01'])
    const view = computeProtection(
      inputOf({
        ...data,
        jobs: [job('Exchange DR')],
        includes: [include('Exchange DR', 'DR Tier 1', 'Folder')],
      }),
    )
    expect(view.rows.map((row) => row.vmName)).toEqual(['exch01'])
    expect(view.limits.join(' ')).toContain('A job includes a container (folder, host or tag: Exchange DR)')
  })

  it('groups failing VMs by server and normalised reason', () => {
    const s = session('DB', NOW - 3 * HOUR, 'Failed')
    const tasks = [
      task(
        s,
        'db01',
        'Failed',
        'Error: Target datastore "DR-DS01" has insufficient free space (12.4 GB required)',
      ),
      task(
        s,
        'db02',
        'Failed',
        'Error: Target datastore "DR-DS02" has insufficient free space (3 GB required)',
      ),
      task(s, 'db03', 'Failed', 'Error: Cannot connect to host esx03.corp.local: connection refused'),
    ]
    const view = computeProtection(inputOf({ sessions: [s], tasks }))
    expect(view.groups.map((group) => [group.label, group.count])).toEqual([
      ['target datastore has insufficient free space', 2],
      ['cannot connect to host: connection refused', 1],
    ])
  })
})

describe('lookupsNeeded', () => {
  it('names the replicas without any point, and the other VMs without a point in the window', () => {
    const data = healthyJob('Web', ['web01'])
    const failed = session('DB', NOW - 3 * HOUR, 'Failed')
    const asked = lookupsNeeded(
      inputOf({
        sessions: [...data.sessions, failed],
        tasks: [...data.tasks, task(failed, 'db01', 'Failed')],
        points: data.points,
        replicas: [replica('Web'), replica('DB'), replica('Old')],
        includes: [include('Web', 'web01'), include('Web', 'web02')],
        jobs: [job('Web'), job('DB')],
      }),
    )
    // DB and Old have no point at all: looked up whole, so db01 is not asked for by name.
    expect(asked.vmNames).toEqual(['web02'])
    expect(asked.replicaUids).toHaveLength(2)
  })
})
