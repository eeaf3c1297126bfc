// Job and server actions and their tasks (em-api.md §13, §15) through handle(), on a clock the test moves.
import { describe, expect, it } from 'vitest'
import type { ReplicaSessionRecord } from '../data/records.ts'
import { dig, parseXml } from '../http/test-client.ts'
import { parseUsers } from './accounts.ts'
import { createEmContext, type EmContextOptions } from './context.ts'
import { type EmResponse, handle } from './handle.ts'

const START = Date.UTC(2026, 0, 12, 9, 30, 0)
const USERS = 'admin:pw:portal-admin,viewer:pw:portal-user,restorer:pw:vm-restore-operator'

type Task = {
  TaskId: string
  State: string
  Operation: string
  Result?: { Success: boolean; Message: string }
}

function setup(options: EmContextOptions = {}) {
  let now = START
  const context = createEmContext({
    sessions: 200,
    users: parseUsers(USERS),
    now: () => now,
    taskDelaysMs: [3000, 2000],
    actionRunSeconds: 60,
    ...options,
  })
  const call = (method: string, rawPath: string, headers: Record<string, string> = {}): EmResponse =>
    handle({ method, rawPath, headers }, context)
  const logOn = (user = 'admin'): Record<string, string> => {
    const authorization = `Basic ${Buffer.from(`${user}:pw`).toString('base64')}`
    const token = call('POST', '/api/sessionMngr/?v=latest', { authorization }).headers['X-RestSvcSessionId']
    if (token === undefined) throw new Error(`${user} could not log on`)
    return { 'x-restsvcsessionid': token, accept: 'application/json' }
  }
  const json = (reply: EmResponse): Task => JSON.parse(reply.body.toString('utf8'))
  const task = (headers: Record<string, string>, id: string): Task =>
    json(call('GET', `/api/tasks/${id}`, headers))
  const wait = (ms: number) => {
    now += ms
  }
  // The newest session EM shows for a job, as a client finds it (§13.4).
  const newest = (jobId: string): ReplicaSessionRecord | undefined => {
    context.store.advance(now * 1000)
    return context.store.sessions.findLast((session) => session.jobId === jobId)
  }
  const idleJob = () => {
    const job = context.store.jobs.find((candidate) => newest(candidate.id)?.state === 'Stopped')
    if (job === undefined) throw new Error('no idle job in the data')
    return job
  }
  return { context, call, logOn, json, task, wait, newest, idleJob }
}

describe('POST /api/jobs/{id}?action=… (em-api.md §13.1)', () => {
  it('answers 202 with a Running task, task-<n>, Delete link to itself, in XML and JSON', () => {
    const { call, logOn, idleJob } = setup()
    const headers = logOn()
    const job = idleJob()
    const xml = call('POST', `/api/jobs/${job.id}?action=start`, { ...headers, accept: 'application/xml' })
    expect(xml.status).toBe(202)
    const doc = parseXml(xml.body.toString('utf8'))
    expect(dig(doc, 'Task', 'Type')).toBe('Task')
    expect(dig(doc, 'Task', 'Href')).toBe('https://enterprise.emulator.invalid:9398/api/tasks/task-1')
    expect(dig(doc, 'Task', 'TaskId')).toBe('task-1')
    expect(dig(doc, 'Task', 'State')).toBe('Running')
    expect(dig(doc, 'Task', 'Operation')).toBe('StartJob')
    expect(dig(doc, 'Task', 'Result')).toBeUndefined()
    expect(dig(doc, 'Task', 'Links', 'Link')).toEqual([
      { Href: 'https://enterprise.emulator.invalid:9398/api/tasks/task-1', Type: 'Task', Rel: 'Delete' },
    ])
    const second = call('POST', `/api/jobs/${job.id}?action=stop`, headers)
    expect(second.status).toBe(202)
    expect(JSON.parse(second.body.toString('utf8'))).toEqual({
      TaskId: 'task-2',
      State: 'Running',
      Operation: 'StopJob',
      Links: [
        {
          Rel: 'Delete',
          Href: 'https://enterprise.emulator.invalid:9398/api/tasks/task-2',
          Name: null,
          Type: 'Task',
        },
      ],
      Href: 'https://enterprise.emulator.invalid:9398/api/tasks/task-2',
      Type: 'Task',
    })
  })

  it('runs the task Running → OperationFinished → Finished, and the start begins a new session that runs to its end', () => {
    const { call, logOn, task, wait, newest, idleJob } = setup()
    const headers = logOn()
    const job = idleJob()
    const before = newest(job.id)
    call('POST', `/api/jobs/${job.id}?action=start`, headers)
    wait(2999)
    expect(task(headers, 'task-1')).toMatchObject({ State: 'Running' })
    expect(task(headers, 'task-1').Result).toBeUndefined()
    expect(newest(job.id)).toBe(before)
    wait(1)
    expect(task(headers, 'task-1')).toMatchObject({
      State: 'OperationFinished',
      Result: { Success: true, Message: 'OperationFinished' },
    })
    const started = newest(job.id)
    expect(started).not.toBe(before)
    expect(started).toMatchObject({ isRetry: false, result: 'None', jobName: job.name })
    expect(started?.state).not.toBe('Stopped')
    wait(2000)
    expect(task(headers, 'task-1')).toMatchObject({
      State: 'Finished',
      Result: { Success: true, Message: `Job "${job.name}" triggered to start.` },
    })
    wait(60_000)
    call('GET', '/api/', headers)
    expect(started).toMatchObject({ state: 'Stopped', progress: 100 })
    expect(['Success', 'Warning', 'Failed']).toContain(started?.result)
  })

  it('stops a running job within seconds as Failed, then retries only the VMs the stop left unprocessed', () => {
    const { context, call, logOn, task, wait, newest, idleJob } = setup()
    const headers = logOn()
    const job = idleJob()
    call('POST', `/api/jobs/${job.id}?action=start`, headers)
    wait(3000 + 20_000)
    call('POST', `/api/jobs/${job.id}?action=stop`, headers)
    wait(3000 + 5000)
    const stopped = newest(job.id)
    expect(task(headers, 'task-2').Result).toEqual({
      Success: true,
      Message: `Job "${job.name}" triggered to stop.`,
    })
    expect(stopped).toMatchObject({ state: 'Stopped', result: 'Failed' })
    expect(stopped?.failureMessage).toMatch(/^Job was stopped by user\. \d+ of \d+ VMs were not processed\.$/)
    const tasks = context.store.tasksOfSession(stopped?.id ?? '')
    const unprocessed = tasks.filter((t) => t.reason === 'Processing was stopped by user.')
    expect(unprocessed.length).toBeGreaterThan(0)
    expect(unprocessed.every((t) => t.result === 'Failed' && t.state === 'Completed')).toBe(true)

    call('POST', `/api/jobs/${job.id}?action=retry`, headers)
    wait(3000)
    const retry = newest(job.id)
    expect(retry).not.toBe(stopped)
    expect(retry?.isRetry).toBe(true)
    const failedVms = tasks.filter((t) => t.result === 'Failed').map((t) => t.vmName)
    expect(context.store.tasksOfSession(retry?.id ?? '').map((t) => t.vmName)).toEqual(failedVms)
  })

  it('[decision] answers 202 and fails the task with a message for start-when-running, stop-when-idle, retry-when-not-failed', () => {
    const { call, logOn, task, wait, newest, idleJob } = setup()
    const headers = logOn()
    const job = idleJob()
    const last = newest(job.id)
    call('POST', `/api/jobs/${job.id}?action=stop`, headers)
    if (last?.result !== 'Failed') call('POST', `/api/jobs/${job.id}?action=retry`, headers)
    wait(3000)
    expect(task(headers, 'task-1')).toMatchObject({
      State: 'Finished',
      Result: { Success: false, Message: `Cannot stop job "${job.name}": the job is not running.` },
    })
    if (last?.result !== 'Failed') {
      expect(task(headers, 'task-2').Result).toEqual({
        Success: false,
        Message: `Cannot retry job "${job.name}": only a job whose last session failed can be retried.`,
      })
    }
    expect(newest(job.id)).toBe(last)
    call('POST', `/api/jobs/${job.id}?action=start`, headers)
    wait(3000)
    const running = call('POST', `/api/jobs/${job.id}?action=start`, headers)
    const id = JSON.parse(running.body.toString('utf8')).TaskId
    wait(3000)
    expect(task(headers, id).Result).toEqual({
      Success: false,
      Message: `Cannot start job "${job.name}": the job is already running.`,
    })
  })

  it('refuses what it does not model: no action 400, unknown action 400, documented but unmodelled 501, unknown job 404', () => {
    const { call, logOn, idleJob } = setup()
    const headers = logOn()
    const job = idleJob()
    expect(call('POST', `/api/jobs/${job.id}`, headers).status).toBe(400)
    expect(call('POST', `/api/jobs/${job.id}?action=explode`, headers).status).toBe(400)
    expect(call('POST', `/api/jobs/${job.id}?action=toggleScheduleEnabled`, headers).status).toBe(501)
    expect(call('POST', `/api/jobs/${job.id}?action=clone`, headers).status).toBe(501)
    expect(call('POST', '/api/jobs/0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9?action=start', headers).status).toBe(
      404,
    )
    expect(call('PUT', `/api/jobs/${job.id}?action=start`, headers).status).toBe(405)
  })
})

describe('the Task resource (em-api.md §13.2)', () => {
  it("keeps tasks within their logon session: another session's task is 404; /tasks lists only the caller's", () => {
    const { call, logOn, json, idleJob } = setup()
    const mine = logOn()
    const other = logOn()
    call('POST', `/api/jobs/${idleJob().id}?action=start`, mine)
    expect(call('GET', '/api/tasks/task-1', other).status).toBe(404)
    expect(call('GET', '/api/tasks/TASK-1', mine).status).toBe(200)
    const listed = (headers: Record<string, string>) =>
      JSON.parse(call('GET', '/api/tasks', headers).body.toString())
    expect(listed(mine).Tasks.map((t: Task) => t.TaskId)).toEqual(['task-1'])
    expect(listed(other)).toEqual({ Tasks: [] })
    expect(json(call('GET', '/api/tasks/task-1', mine)).TaskId).toBe('task-1')
  })

  it('DELETE answers 204 without a body, and while Running it stops the task: VBR never acts', () => {
    const { call, logOn, wait, newest, idleJob } = setup()
    const headers = logOn()
    const job = idleJob()
    const before = newest(job.id)
    call('POST', `/api/jobs/${job.id}?action=start`, headers)
    const deleted = call('DELETE', '/api/tasks/task-1', headers)
    expect(deleted.status).toBe(204)
    expect(deleted.body.length).toBe(0)
    expect(call('GET', '/api/tasks/task-1', headers).status).toBe(404)
    expect(call('DELETE', '/api/tasks/task-1', headers).status).toBe(404)
    wait(10_000)
    call('GET', '/api/', headers)
    expect(newest(job.id)).toBe(before)
  })

  it('forgets the tasks of a logon session that ended', () => {
    const { call, logOn, idleJob } = setup({ sessionTtlSeconds: 60 })
    const headers = logOn()
    call('POST', `/api/jobs/${idleJob().id}?action=start`, headers)
    const token = headers['x-restsvcsessionid'] ?? ''
    call('DELETE', `/api/logonSessions/${Buffer.from(token, 'base64').toString()}`, headers)
    expect(call('GET', '/api/tasks/task-1', logOn()).status).toBe(404)
  })
})

describe('roles (em-api.md §10)', () => {
  it('refuses job actions to a Portal User and any collect to a restore operator, with 403 Access denied', () => {
    const { call, logOn, json, idleJob, context } = setup()
    const job = idleJob()
    const viewer = logOn('viewer')
    const refused = call('POST', `/api/jobs/${job.id}?action=start`, { ...viewer, accept: 'application/xml' })
    expect(refused.status).toBe(403)
    expect(dig(parseXml(refused.body.toString('utf8')), 'Error', 'Message')).toBe('Access denied.')
    const collect = call('POST', `/api/backupServers/${job.backupServerId}?action=collect`, viewer)
    expect(collect.status).toBe(202)
    expect(json(collect).Operation).toBe('CollectingBackupServer')
    const restorer = logOn('restorer')
    expect(call('POST', `/api/backupServers/${job.backupServerId}?action=collect`, restorer).status).toBe(403)
    expect(call('GET', '/api/tasks', restorer).status).toBe(200)
    expect(context.store.serverById(job.backupServerId)).toBeDefined()
  })
})

describe('fault control: a task that fails (em-api.md §13.4)', () => {
  it('fails the next action task with the given message, and VBR does nothing', () => {
    const { context, call, logOn, task, wait, newest, idleJob } = setup()
    const headers = logOn()
    const job = idleJob()
    const before = newest(job.id)
    context.tasks.fault = { message: 'The backup server is not available.', remaining: 1 }
    call('POST', `/api/jobs/${job.id}?action=start`, headers)
    wait(3000)
    expect(task(headers, 'task-1')).toMatchObject({
      State: 'Finished',
      Result: { Success: false, Message: 'The backup server is not available.' },
    })
    expect(newest(job.id)).toBe(before)
    expect(context.tasks.fault).toBeNull()
  })
})

describe('data collection lag (em-api.md §6.6, §15)', () => {
  it('shows the session an action starts only after a collection: Collect now publishes that server, a periodic one all', () => {
    const { context, call, logOn, json, wait, newest, idleJob } = setup({ collectEveryMinutes: 15 })
    const headers = logOn()
    const job = idleJob()
    const before = newest(job.id)
    call('POST', `/api/jobs/${job.id}?action=start`, headers)
    wait(5000)
    const query = `/api/query?type=ReplicaJobSession&format=Entities&filter=JobUid==%22urn:veeam:Job:${job.id}%22&sortDesc=CreationTime&pageSize=1`
    const newestShown = (as = headers) =>
      JSON.parse(call('GET', query, as).body.toString()).Entities.ReplicaJobSessions.ReplicaJobSessions[0]
    expect(newestShown()?.UID).toBe(
      before === undefined ? undefined : `urn:veeam:ReplicaJobSession:${before.id}`,
    )

    const other = context.store.servers.find((server) => server.id !== job.backupServerId)
    call('POST', `/api/backupServers/${other?.id}?action=collect`, headers)
    wait(3000)
    expect(newestShown()?.UID).toBe(
      before === undefined ? undefined : `urn:veeam:ReplicaJobSession:${before.id}`,
    )

    const collect = json(call('POST', `/api/backupServers/${job.backupServerId}?action=collect`, headers))
    wait(3000)
    const shown = newestShown()
    expect(shown.UID).not.toBe(`urn:veeam:ReplicaJobSession:${before?.id}`)
    expect(shown.State).not.toBe('Stopped')
    const progress = shown.Progress
    wait(2000)
    expect(json(call('GET', `/api/tasks/${collect.TaskId}`, headers)).Result).toEqual({
      Success: true,
      Message: 'Data collection started. To view results, go to Sessions.',
    })
    wait(40_000)
    expect(newestShown().Progress).toBe(progress)
    // The logon session idles out meanwhile (§3): a fresh one reads what the periodic collection published.
    wait(15 * 60_000)
    expect(newestShown(logOn())).toMatchObject({ State: 'Stopped', Progress: 100 })
  })
})
