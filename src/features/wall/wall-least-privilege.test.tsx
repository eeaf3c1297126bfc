// The wall for a Portal User, the least privilege that reads replica sessions (em-api.md §10): EM refuses it the
// job list, so the job tiles come from the sessions it may read, and the wall says so once, in its footer. The
// figures are checked against what EM answers the same account to simpler questions.
import { screen, waitFor, within } from '@testing-library/react'
import { HttpResponse, http } from 'msw'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { emGet } from '@/em/em-get.ts'
import { parseSessionsPage } from '@/em/parse-session.ts'
import { jobsOfSessions } from '@/em/session-jobs.ts'
import { buildQueryPath } from '@/em/session-query-path.ts'
import { clearEmSession } from '@/em/session-token.ts'
import { type EmTestServer, signInToEm, startEmTestServer } from '@/test/em-server.ts'
import { renderAt } from '@/test/render-at.tsx'
import { runningBuild } from './version-reload.ts'

const REDUCED =
  'Reduced: jobs not readable by this account, so the job tiles count only jobs seen in sessions.'
let em: EmTestServer

beforeAll(() => {
  em = startEmTestServer({ users: 'admin:admin,viewer:viewer:portal-user' })
})
beforeEach(() => {
  em.use(http.get('*/version.json', () => HttpResponse.json({ version: runningBuild() ?? 'test' })))
})
afterEach(() => {
  em.resetHandlers()
  clearEmSession()
})
afterAll(() => em.close())

async function tile(title: string) {
  const region = await screen.findByRole('region', { name: title }, { timeout: 10_000 })
  const figure = () => within(region).getByText(/./, { selector: '.wall-tile__figure' })
  await waitFor(() => expect(figure()).not.toHaveTextContent('—'), { timeout: 10_000 })
  return {
    figure: figure().textContent,
    verdict: within(region).getByText(/./, { selector: '.wall-tile__verdict' }),
  }
}

/** The sessions of one job, newest first, as this account may read them. */
async function sessionsOf(jobUid: string) {
  const path = buildQueryPath({
    filter: { jobUid },
    sort: { field: 'CreationTime', dir: 'desc' },
    page: 1,
    pageSize: 1000,
  })
  return parseSessionsPage(await emGet(path, { format: 'xml' })).items
}

describe('wall as a Portal User', { timeout: 30_000 }, () => {
  it('fills the job tiles from sessions, says so once in the footer, and raises no alarm', async () => {
    await signInToEm('viewer', 'viewer')
    await expect(emGet('/api/query?type=Job&format=Entities', { format: 'xml' })).rejects.toMatchObject({
      status: 403,
    })
    renderAt('/wall')
    const latestFailed = await tile('Jobs whose latest session failed')
    const vms = await tile('VMs out of RPO (24 h)')

    const newest = buildQueryPath({
      filter: {},
      sort: { field: 'CreationTime', dir: 'desc' },
      page: 1,
      pageSize: 1000,
    })
    const jobs = jobsOfSessions(parseSessionsPage(await emGet(newest, { format: 'xml' })).items)
    const histories = await Promise.all(jobs.map((job) => sessionsOf(job.uid)))
    const finished = histories.map((list) =>
      list.find((s) => ['Success', 'Warning', 'Failed'].includes(s.result)),
    )
    const expectedFailed = finished.filter((s) => s?.result === 'Failed').length
    expect(jobs.length).toBeGreaterThan(0)
    expect(latestFailed.figure).toBe(String(expectedFailed))
    // Without the jobs' includes a VM never replicated cannot be seen: the VM count is a lower bound, and says so.
    expect(vms.figure).toMatch(/^≥ \d+$/)
    expect(vms.verdict).not.toHaveTextContent('all within RPO')

    expect(screen.getAllByText(REDUCED)).toHaveLength(1)
    expect(screen.queryByRole('alert')).toBeNull()
    expect(screen.getByText('Live')).toBeInTheDocument()
  })

  it('never calls it "all within RPO" when no VM seen is out of it: unseen VMs are not counted', async () => {
    await signInToEm('viewer', 'viewer')
    // A server no job runs on: nothing seen, and a Portal User cannot know what was never replicated there.
    renderAt('/wall?server=%22no-such-server%22')
    const vms = await tile('VMs out of RPO (24 h)')
    expect(vms.figure).toBe('≥ 0')
    expect(vms.verdict).toHaveTextContent('none of the VMs seen')
  })

  it('has no footnote for an account that may read jobs', async () => {
    await signInToEm('admin', 'admin')
    renderAt('/wall')
    await tile('VMs out of RPO (24 h)')
    expect(screen.queryByText(REDUCED)).toBeNull()
  })
})
