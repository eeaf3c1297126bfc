// The detail view for a Portal User (em-api.md §10): EM lets the account read the session, its tasks and its backup
// server, but answers 403 on the session's Up JobReference. The Job card says which role it needs, keeps what the
// session itself says of the job, and every other card still shows EM's answers.
import { screen, waitFor, within } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { emGet } from '@/em/em-get.ts'
import { findLink, resolveHref, withEntityFormat } from '@/em/link-resolver.ts'
import { parseBackupServer } from '@/em/parse-backup-server.ts'
import { parseSessionsPage } from '@/em/parse-session.ts'
import { clearEmSession } from '@/em/session-token.ts'
import { type EmTestServer, signInToEm, startEmTestServer } from '@/test/em-server.ts'
import { renderAt } from '@/test/render-at.tsx'

let em: EmTestServer

beforeAll(() => {
  em = startEmTestServer({ users: 'viewer:viewer:portal-user' })
})
afterEach(() => {
  em.resetHandlers()
  clearEmSession()
})
afterAll(() => em.close())

function card(name: string) {
  // Generous: the emulator builds its indexes on the first query of a run.
  return screen.findByRole('region', { name }, { timeout: 10_000 })
}

describe('Job card for an account that may not read jobs', { timeout: 20_000 }, () => {
  it('names the role it needs, keeps the session’s job name and link, and leaves the other cards alone', async () => {
    await signInToEm('viewer', 'viewer')
    const path = '/api/query?type=ReplicaJobSession&format=Entities&sortDesc=CreationTime&pageSize=1&page=1'
    const [session] = parseSessionsPage(await emGet(path, { format: 'xml' })).items
    if (!session) throw new Error('the emulator has no session')
    const up = (type: string) =>
      withEntityFormat(resolveHref(findLink(session.links, 'Up', type)?.href ?? ''))
    await expect(emGet(up('JobReference'), { format: 'xml' })).rejects.toMatchObject({ status: 403 })
    const server = parseBackupServer(await emGet(up('BackupServerReference'), { format: 'xml' }))

    renderAt(`/sessions/${session.id}`)
    const jobCard = await card('Job')
    await waitFor(() =>
      expect(within(jobCard).getByRole('status')).toHaveTextContent(
        'Job details need the Enterprise Manager role Portal Administrator; this account may not read jobs.',
      ),
    )
    expect(within(jobCard).queryByRole('alert')).toBeNull()
    // The card's own Retry (of a failed read) would never succeed here; the job's actions show disabled, with why.
    expect(within(jobCard).queryByRole('button', { name: 'Retry' })).toBeNull()
    for (const name of ['Retry job', 'Start job', 'Stop job']) {
      const action = within(jobCard).getByRole('button', { name })
      expect(action).toBeDisabled()
      expect(action).toHaveAccessibleDescription(
        "This account's Enterprise Manager role may not start, stop or retry jobs; that needs Portal Administrator. Enterprise Manager refused this account the job (403).",
      )
    }
    // A Portal User may collect (em-api.md §10): the server's link is there and the button usable.
    await waitFor(() => expect(within(jobCard).getByRole('button', { name: 'Collect now' })).toBeEnabled())
    expect(within(jobCard).getByText(session.jobName)).toBeInTheDocument()
    const ofJob = within(jobCard).getByRole('link', { name: 'All sessions of this job' })
    expect(new URL(ofJob.getAttribute('href') ?? '', 'http://app').searchParams.get('jobUid')).toBe(
      session.jobUid,
    )

    const serverCard = await card('Backup server')
    await waitFor(() => expect(within(serverCard).getByText(server.version)).toBeInTheDocument())
    expect(screen.queryAllByRole('alert')).toEqual([])
  })
})
