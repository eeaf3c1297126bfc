// The job picker for an account that may not read jobs (Portal User, em-api.md §10), against the emulator: its
// suggestions come from the sessions EM does let it read, and it says so; an account that may read jobs gets them.
import { screen, waitFor } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { emGet } from '@/em/em-get.ts'
import { parseJobsPage } from '@/em/parse-job.ts'
import { parseSessionsPage } from '@/em/parse-session.ts'
import { clearEmSession } from '@/em/session-token.ts'
import { type EmTestServer, signInToEm, startEmTestServer } from '@/test/em-server.ts'
import { addFilter } from '@/test/filter-bar.ts'
import { renderAt } from '@/test/render-at.tsx'

let em: EmTestServer

beforeAll(() => {
  em = startEmTestServer({ users: 'admin:admin,viewer:viewer:portal-user' })
})
afterEach(() => {
  em.resetHandlers()
  clearEmSession()
})
afterAll(() => em.close())

async function suggestions(): Promise<string[]> {
  // Generous: the emulator builds its sorted indexes on the first query of a run.
  const input = await screen.findByLabelText('Job name', {}, { timeout: 5000 })
  const list = document.getElementById(input.getAttribute('list') ?? '')
  await waitFor(() => expect(list?.querySelectorAll('option').length).toBeGreaterThan(0), { timeout: 10_000 })
  return [...(list?.querySelectorAll('option') ?? [])].map((option) => option.value)
}

const NEWEST_1000 =
  '/api/query?type=ReplicaJobSession&format=Entities&sortDesc=CreationTime&pageSize=1000&page=1'

describe('job picker', { timeout: 20_000 }, () => {
  it('offers a Portal User the jobs its sessions name, and says so once, quietly', async () => {
    await signInToEm('viewer', 'viewer')
    await expect(emGet('/api/query?type=Job&format=Entities', { format: 'xml' })).rejects.toMatchObject({
      status: 403,
    })
    const sessions = parseSessionsPage(await emGet(NEWEST_1000, { format: 'xml' })).items
    const expected = [...new Set(sessions.map((session) => session.jobName))].sort((a, b) =>
      a.localeCompare(b),
    )
    renderAt('/sessions')
    // The picker lives in the Job filter's editor, which the filter bar opens on demand.
    await addFilter('Job')
    expect(await suggestions()).toEqual(expected)
    expect(screen.getByLabelText('Job name')).toHaveAccessibleDescription(
      'Suggested from recent sessions (jobs not readable)',
    )
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it("offers a Portal Administrator EM's replica jobs, with no hint", async () => {
    await signInToEm('admin', 'admin')
    const jobs = parseJobsPage(
      await emGet(
        '/api/query?type=Job&format=Entities&filter=JobType%3D%3DReplica&sortAsc=Name&pageSize=1000',
        {
          format: 'xml',
        },
      ),
    ).items
    const before = em.requests.length
    renderAt('/sessions')
    // The picker lives in the Job filter's editor, which the filter bar opens on demand.
    await addFilter('Job')
    expect(await suggestions()).toEqual([...new Set(jobs.map((job) => job.name))])
    expect(screen.getByLabelText('Job name')).not.toHaveAccessibleDescription()
    expect(
      em.requests
        .slice(before)
        .some((request) => request.includes('pageSize=1000&page=1') && request.includes('ReplicaJobSession')),
    ).toBe(false)
  })
})
