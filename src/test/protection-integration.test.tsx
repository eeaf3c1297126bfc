// The protection view mounted at a URL against the emulator's own handle(): each job's rows are checked against
// the emulator's records (its replica points, includes and sessions), never through the app's parsers, and a
// Portal User's view against what that role may read.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { clearEmSession } from '@/em/session-token.ts'
import type { TaskSessionRecord } from '../../emulator/data/records.ts'
import { STUCK_REASON } from '../../emulator/data/scenarios.ts'
import type { Store } from '../../emulator/data/store.ts'
import { type EmTestServer, signInToEm, startEmTestServer } from './em-server.ts'
import { renderAt } from './render-at.tsx'

const HOUR = 3_600_000
let em: EmTestServer

beforeAll(() => {
  em = startEmTestServer({ seed: 7, sessions: 1500, users: 'admin:admin,viewer:viewer:portal-user' })
  // jsdom has no layout: the table's scroller gets a size, so the virtualizer has rows to render.
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 900 })
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1400 })
})
afterEach(() => {
  em.resetHandlers()
  clearEmSession()
})
afterAll(() => em.close())

const store = (): Store => em.context.store

/** The newest live point (ms) of a VM in a job's replica, from the emulator's records; null when none. */
function newestPoint(jobId: string, vm: string): number | null {
  const replica = store().replicas.find((each) => each.jobId === jobId)
  const times = store()
    .points.filter((point) => !point.deleted && point.replicaId === replica?.id && point.vmName === vm)
    .map((point) => point.creationTime / 1000)
  return times.length === 0 ? null : Math.max(...times)
}

function lastSessionOf(jobId: string): number {
  return Math.max(
    0,
    ...store()
      .sessions.filter((s) => s.jobId === jobId)
      .map((s) => s.creationTime / 1000),
  )
}

/** Status and VM name of each row on screen. */
async function rowsOnScreen(): Promise<Map<string, string>> {
  const table = await screen.findByRole('table', { name: /Replicated VMs/ }, { timeout: 20_000 })
  await waitFor(() => expect(document.querySelector('.prot')).toHaveAttribute('aria-busy', 'false'), {
    timeout: 20_000,
  })
  const rows = within(table).getAllByRole('row').slice(1)
  return new Map(
    rows.map((row) => [
      within(row).getByRole('link').textContent ?? '',
      row.querySelector('[data-status]')?.getAttribute('data-status') ?? '',
    ]),
  )
}

// A plain job: schedule on, a run in the last day, VMs (no folder) in its includes.
function plainJobs() {
  return store().jobs.filter(
    (job) =>
      job.scheduleEnabled &&
      lastSessionOf(job.id) > Date.now() - 24 * HOUR &&
      store()
        .includesOfJob(job.id)
        .every((include) => /:Vm:/i.test(include.hierarchyObjRef)),
  )
}

describe('/protection against the emulator', () => {
  it('rates each VM of a job by its newest replica point, and a VM no run processed as Never replicated', {
    timeout: 60_000,
  }, async () => {
    await signInToEm()
    // The job whose includes name a VM its runs never had (the emulator's never-replicated case).
    const job = plainJobs().find((each) =>
      store()
        .includesOfJob(each.id)
        .some((include) => !each.vmNames.includes(include.name)),
    )
    if (!job) throw new Error('no job with a never-processed VM in the data set')
    renderAt(`/protection?job=${encodeURIComponent(JSON.stringify(job.name))}`)
    const shown = await rowsOnScreen()
    const now = Date.now()
    const expected = new Map(
      store()
        .includesOfJob(job.id)
        .map((include) => {
          const point = newestPoint(job.id, include.name)
          const age = point === null ? null : now - point
          const status =
            age === null
              ? 'neverReplicated'
              : age > 24 * HOUR
                ? 'outOfRpo'
                : age > 0.8 * 24 * HOUR
                  ? 'atRisk'
                  : 'protected'
          return [include.name, { status, age }] as const
        }),
    )
    expect([...shown.keys()].sort()).toEqual([...expected.keys()].sort())
    for (const [vm, { status, age }] of expected) {
      // A point within a minute of a threshold may cross it between the two clocks: not asserted.
      const edge =
        age !== null && [0.8 * 24 * HOUR, 24 * HOUR].some((limit) => Math.abs(age - limit) < 60_000)
      if (!edge) expect(shown.get(vm), vm).toBe(status)
    }
    expect([...shown.values()]).toContain('neverReplicated')
  })

  it('shows the VM failing for days as Out of RPO with its failing streak in runs, and follows it to its history', {
    timeout: 60_000,
  }, async () => {
    await signInToEm()
    // The stuck VM: the one with by far the most failures for its reason (random failures use it too, rarely twice).
    const failures = new Map<string, TaskSessionRecord[]>()
    for (const task of store().tasks.filter((each) => each.reason === STUCK_REASON)) {
      const key = `${store().sessionById(task.sessionId)?.jobId}/${task.vmName}`
      failures.set(key, [...(failures.get(key) ?? []), task])
    }
    const [failing] = [...failures.values()].sort((a, b) => b.length - a.length)[0] ?? []
    const session = store().sessionById(failing?.sessionId ?? '')
    const job = store().jobById(session?.jobId ?? '')
    if (!failing || !job) throw new Error('no stuck VM in the data set')
    // Its runs in the view's 48-hour window, from the records: scheduled sessions (retries folded) that ended.
    const windowStart = Date.now() - 48 * HOUR
    const runs = store().sessions.filter(
      (s) =>
        s.jobId === job.id && !s.isRetry && s.state === 'Stopped' && s.creationTime / 1000 >= windowStart,
    )
    renderAt(
      `/protection?job=${encodeURIComponent(JSON.stringify(job.name))}&status=${encodeURIComponent(JSON.stringify(['outOfRpo']))}`,
    )
    const shown = await rowsOnScreen()
    expect(shown.get(failing.vmName)).toBe('outOfRpo')
    const table = screen.getByRole('table', { name: /Replicated VMs/ })
    const row = within(table).getByRole('link', { name: failing.vmName }).closest('tr') ?? document.body
    // Its point is older than the window: every run the window shows failed, and the view says so.
    expect(row).toHaveTextContent(`failed in all ${runs.length} runs of the last 2 d`)
    // Its reason groups with the other VMs failing for lack of space on the same server.
    const server = store().serverById(job.backupServerId)?.name.split('.')[0] ?? '-'
    const group = new RegExp(`VMs? on ${server}: target datastore has insufficient free space`)
    expect(screen.getByRole('button', { name: group })).toBeInTheDocument()

    await userEvent.click(within(table).getByRole('link', { name: failing.vmName }))
    const history = await screen.findByRole(
      'table',
      { name: /Task sessions of this VM/ },
      { timeout: 20_000 },
    )
    // The row opens the history over the same 48-hour window.
    const sinceWindow = Date.now() - 48 * HOUR
    const own = store().tasks.filter(
      (task) =>
        task.vmName === failing.vmName &&
        store().sessionById(task.sessionId)?.jobId === job.id &&
        task.creationTime / 1000 >= sinceWindow,
    )
    expect(within(history).getAllByRole('row')).toHaveLength(own.length + 1)
    const links = within(history).getAllByRole('link', { name: /Open the job session/ })
    expect(links[0]).toHaveAttribute('href', expect.stringMatching(/^\/sessions\/[0-9a-f-]{36}$/))
  })

  it('calls a job that stopped running, its schedule still on, Job silent for every VM', {
    timeout: 60_000,
  }, async () => {
    await signInToEm()
    const job = store().jobs.find(
      (each) =>
        each.scheduleEnabled && lastSessionOf(each.id) < Date.now() - 49 * HOUR && lastSessionOf(each.id) > 0,
    )
    if (!job) throw new Error('no stalled job in the data set')
    renderAt(`/protection?job=${encodeURIComponent(JSON.stringify(job.name))}`)
    const shown = await rowsOnScreen()
    expect(shown.size).toBeGreaterThan(0)
    expect(new Set(shown.values())).toEqual(new Set(['jobSilent']))
  })
})

describe('/protection for a Portal User', () => {
  it('works from points and task sessions, and says what needs a Portal Administrator', {
    timeout: 60_000,
  }, async () => {
    await signInToEm('viewer', 'viewer')
    const before = em.requests.length
    renderAt('/protection')
    await rowsOnScreen()
    const notice = screen.getByRole('region', { name: 'What this view cannot see' })
    expect(notice).toHaveTextContent(
      /Job schedules are unavailable: this account may not read \/jobs \(a Portal User/,
    )
    expect(notice).toHaveTextContent(/Job includes are unavailable/)
    // Only the job list was asked for under the jobs row, once, and EM refused it: includes were not asked at all.
    const asked = em.requests.slice(before)
    expect(asked.filter((request) => /type=Job&/.test(request))).toHaveLength(1)
    expect(asked.some((request) => /ObjectInJob|\/includes/.test(request))).toBe(false)
    // The VM no run ever processed is in the includes only: this role cannot see it, and the view does not claim to.
    const hidden = store().includes.find((include) =>
      store().jobs.some(
        (job) =>
          job.id === include.jobId &&
          !job.vmNames.includes(include.name) &&
          /:Vm:/i.test(include.hierarchyObjRef),
      ),
    )
    expect(screen.queryByRole('link', { name: hidden?.name ?? '-' })).toBeNull()
    // Counts resting on what EM refused read as lower bounds, never as a reassuring 0.
    expect(screen.getByRole('button', { name: /Never replicated/ })).toHaveTextContent(/≥\s\d+at least/)
    expect(screen.getByRole('button', { name: /Job silent/ })).toHaveTextContent(/≥\s\d+at least/)
  })
})
