// The wall mounted at a URL against the emulator's own handle(): every figure is checked against what EM answers
// to a different, simpler question (a count, a job's history), never against numbers pasted here.
import { screen, waitFor, within } from '@testing-library/react'
import { HttpResponse, http } from 'msw'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { emGet } from '@/em/em-get.ts'
import { getKioskKey } from '@/em/kiosk-key.ts'
import { parseJobsPage } from '@/em/parse-job.ts'
import { parseRefsPage } from '@/em/parse-refs.ts'
import { parseSessionsPage } from '@/em/parse-session.ts'
import { buildQueryPath, type SessionFilter } from '@/em/session-query-path.ts'
import { KNOWN_STATES } from '@/em/session-status.ts'
import { clearEmSession } from '@/em/session-token.ts'
import { type EmTestServer, signInToEm, startEmTestServer } from '@/test/em-server.ts'
import { renderAt } from '@/test/render-at.tsx'
import { runningBuild } from './version-reload.ts'
import { clockTime } from './wall-header.tsx'

const DAY = 86_400_000
let em: EmTestServer

beforeAll(() => {
  em = startEmTestServer()
})
beforeEach(async () => {
  em.use(http.get('*/version.json', () => HttpResponse.json({ version: runningBuild() ?? 'test' })))
  await signInToEm()
})
afterEach(() => em.resetHandlers())
afterAll(() => em.close())

/**
 * Runs of the last day by result, from the emulator's records: a session and the automatic retries after it (IsRetry)
 * are one run, judged by its last session; a retry whose first session is older than the day is a run of its own.
 */
function runsOfDay(from: number) {
  const sessions = em.context.store.sessions
    .filter((s) => s.creationTime / 1000 >= from)
    .sort((a, b) => a.creationTime - b.creationTime)
  const current = new Map<string, (typeof sessions)[number][]>()
  const runs: (typeof sessions)[number][][] = []
  for (const s of sessions) {
    const open = current.get(s.jobId)
    if (s.isRetry && open) open.push(s)
    else {
      const run = [s]
      runs.push(run)
      current.set(s.jobId, run)
    }
  }
  const counts = { Success: 0, Warning: 0, Failed: 0, failedSessions: 0 }
  for (const run of runs) {
    const result = run.at(-1)?.result
    if (result === 'Success' || result === 'Warning' || result === 'Failed') counts[result] += 1
    if (result === 'Failed') counts.failedSessions += run.filter((s) => s.result === 'Failed').length
  }
  return counts
}

async function emCount(filter: SessionFilter): Promise<number> {
  const path = buildQueryPath({ filter, page: 1, pageSize: 1, format: 'References' })
  const page = parseRefsPage(await emGet(path, { format: 'xml' }))
  return page.items.length === 0 ? 0 : page.paging.pagesCount
}

async function newestSessionOf(jobUid: string) {
  const path = buildQueryPath({
    filter: { jobUid, results: ['Success', 'Warning', 'Failed'] },
    page: 1,
    pageSize: 1,
  })
  return parseSessionsPage(await emGet(path, { format: 'xml' })).items[0]
}

async function replicaJobs() {
  const path = `/api/query?type=Job&format=Entities&filter=${encodeURIComponent('JobType==Replica')}&pageSize=1000&page=1`
  return parseJobsPage(await emGet(path, { format: 'xml' })).items
}

/** The big figure of a tile, once it has one; the wall also reads the protection pages, so allow a few seconds. */
async function figure(title: string | RegExp, timeout = 5000): Promise<string> {
  const tile = await screen.findByRole('region', { name: title }, { timeout })
  await waitFor(
    () => expect(within(tile).getByText(/./, { selector: '.wall-tile__figure' })).not.toHaveTextContent('—'),
    { timeout },
  )
  return within(tile).getByText(/./, { selector: '.wall-tile__figure' }).textContent ?? ''
}

describe('wall', () => {
  it('shows tiles that match what EM answers', { timeout: 30_000 }, async () => {
    renderAt('/wall')
    // The first render of the file loads the wall's modules cold; on a loaded machine that takes over a second.
    await screen.findByRole('region', { name: 'Failed, last 24 h' }, { timeout: 10_000 })
    const runs = runsOfDay(Date.now() - DAY)
    const running = await emCount({ states: KNOWN_STATES.filter((s) => s !== 'Stopped') })

    expect(await figure('Failed, last 24 h')).toBe(String(runs.Failed))
    expect(await figure('Warning, last 24 h')).toBe(String(runs.Warning))
    expect(await figure('Running now')).toBe(String(running))
    const finished = runs.Success + runs.Failed + runs.Warning
    expect(await figure('Success rate, last 24 h')).toBe(
      `${Math.floor((runs.Success / finished) * 1000) / 10}\u00a0%`,
    )
    // Runs, not sessions: the failed tile says how many sessions its runs took.
    const failedTile = screen.getByRole('region', { name: 'Failed, last 24 h' })
    if (runs.failedSessions > runs.Failed)
      expect(failedTile).toHaveTextContent(`${runs.Failed} runs (${runs.failedSessions} sessions)`)

    const jobs = await replicaJobs()
    const latest = await Promise.all(jobs.map((job) => newestSessionOf(job.uid)))
    const latestFailed = latest.filter((s) => s?.result === 'Failed').length
    expect(await figure('Jobs whose latest session failed')).toBe(String(latestFailed))

    expect(screen.getByRole('table')).toBeInTheDocument()
    expect(screen.getByRole('img', { name: /Sessions per hour over the last 24 hours/ })).toBeInTheDocument()
    expect(screen.getByText(/every 15 minutes/)).toBeInTheDocument()
  })

  it('names the dashboard version from the config document in its footer', async () => {
    renderAt('/wall')
    const footer = await screen.findByText(/every 15 minutes/, {}, { timeout: 10_000 })
    await waitFor(() => expect(footer).toHaveTextContent('Dashboard test.'))
  })

  it('counts the VMs of a job without a replica point within the RPO, as the emulator’s records say', {
    timeout: 30_000,
  }, async () => {
    // The emulator's own records, not the app's parsers: per job, its VM includes and each VM's newest live point.
    const { store } = em.context
    const cutoff = Date.now() * 1000 - DAY * 1000
    const outOf = (jobId: string) => {
      const replica = store.replicas.find((r) => r.jobId === jobId)
      return store.includesOfJob(jobId).filter((include) => {
        if (!/:Vm:/i.test(include.hierarchyObjRef)) return false
        const newest = Math.max(
          ...store.points
            .filter((p) => !p.deleted && p.replicaId === replica?.id && p.vmName === include.name)
            .map((p) => p.creationTime),
        )
        return !(newest >= cutoff)
      })
    }
    const [job] = store.jobs
      .filter((each) => each.scheduleEnabled)
      .map((each) => ({ job: each, out: outOf(each.id) }))
      .sort((a, b) => b.out.length - a.out.length || a.job.name.localeCompare(b.job.name))
    if (!job || job.out.length === 0) throw new Error('the data set has no VM out of RPO')
    renderAt(`/wall?job=${encodeURIComponent(JSON.stringify(job.job.name))}`)
    await figure('VMs out of RPO (24 h)', 20_000)
    const tile = screen.getByRole('region', { name: 'VMs out of RPO (24 h)' })
    // A "≥" count while older points are still looked up; then exact.
    await waitFor(
      () =>
        expect(within(tile).getByText(/./, { selector: '.wall-tile__figure' })).toHaveTextContent(/^\d+$/),
      { timeout: 20_000 },
    )
    expect(await figure('VMs out of RPO (24 h)')).toBe(String(job.out.length))
    for (const include of job.out.slice(0, 3))
      expect(within(tile).getByText(include.name)).toBeInTheDocument()
  })

  it('keeps the data when a refresh fails, says so, and recovers by itself', {
    timeout: 40_000,
  }, async () => {
    renderAt('/wall?refresh=5')
    const before = await figure('Failed, last 24 h')
    em.use(
      http.all('*/api/*', () =>
        HttpResponse.json({ StatusCode: 503, Message: 'Service starting' }, { status: 503 }),
      ),
    )
    // The first failed refresh (one interval after the data) raises the banner, before the data turns stale.
    const banner = await screen.findByRole('alert', {}, { timeout: 9_500 })
    expect(banner).toHaveTextContent('Enterprise Manager answered 503')
    expect(banner).not.toHaveTextContent('stale')
    expect(banner).toHaveTextContent(/Showing the last good data, from \d\d.\d\d.\d\d/)
    expect(banner).toHaveTextContent(/Trying again in \d+ s/)
    expect(await figure('Failed, last 24 h')).toBe(before)
    expect(screen.getByText('EM not answering')).toBeInTheDocument()
    // Older than two intervals: marked stale, still on screen.
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(': stale.'), { timeout: 10_000 })
    expect(screen.getByText('Stale')).toBeInTheDocument()
    expect(await figure('Failed, last 24 h')).toBe(before)

    em.resetHandlers()
    em.use(http.get('*/version.json', () => HttpResponse.json({ version: runningBuild() ?? 'test' })))
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument(), { timeout: 20_000 })
    expect(screen.getByText('Live')).toBeInTheDocument()
  })

  it('applies its own theme and scale to its container only', async () => {
    const { container } = renderAt('/wall?theme=light&scale=1.5')
    await screen.findByRole('region', { name: 'Running now' })
    const wall = container.querySelector('.wall')
    expect(wall).toHaveAttribute('data-theme', 'light')
    expect(wall?.getAttribute('style')).toContain('--wall-scale: 1.5')
  })

  it('sends a signed-out visitor without a key to sign in, and back to the same wall', async () => {
    clearEmSession()
    const { router } = renderAt('/wall?refresh=10&result=Failed')
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'))
    // The canonical form of the same configuration (the router writes lists as JSON).
    expect(router.state.location.search).toMatchObject({
      redirect: '/wall?refresh=10&result=%5B%22Failed%22%5D',
    })
  })

  it('with a key and no session, asks through the kiosk key and says when the proxy refuses it', async () => {
    clearEmSession()
    const seen = em.kioskProxy(KEY)
    const { router } = renderAt('/wall?refresh=20#key=not-the-key-0123')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent("The wall's requests were refused")
    expect(alert).toHaveTextContent('Check what follows #key= against EM_KIOSK_KEY.')
    // The proxy said it was the key, in its own words: the role is not in question.
    expect(alert).toHaveTextContent('Wrong or missing kiosk key.')
    expect(alert).not.toHaveTextContent('If the key is right')
    expect(router.state.location.pathname).toBe('/wall')
    expect(seen[0]).toMatchObject({ key: 'not-the-key-0123', refresh: '20', token: null })
    expect(getKioskKey()).toBe('not-the-key-0123')
    expect(JSON.stringify({ ...sessionStorage, ...localStorage })).not.toContain('not-the-key-0123')
  })

  it('reads the key from the URL fragment and sends it only in X-Kiosk-Key, never in a request URL', async () => {
    clearEmSession()
    const seen = em.kioskProxy(KEY)
    const { router } = renderAt(`/wall?refresh=20#key=${encodeURIComponent(KEY)}`)
    await screen.findByRole('region', { name: 'Failed, last 24 h' })
    await waitFor(() => expect(seen.length).toBeGreaterThan(2))
    expect(router.state.location.pathname).toBe('/wall')
    expect(seen.every((request) => request.key === KEY && request.token === null)).toBe(true)
    expect(seen.map((request) => request.url).join('\n')).not.toContain(KEY.slice(0, 12))
    expect(screen.getByText(/wall account/)).toBeInTheDocument()
  })

  it("dates a kiosk wall's data by the proxy's X-Kiosk-Age, and marks it stale only past the maximum staleness", {
    timeout: 20_000,
  }, async () => {
    clearEmSession()
    em.kioskProxy(KEY, { ageSeconds: 50 })
    const { unmount } = renderAt(`/wall?refresh=20#key=${encodeURIComponent(KEY)}`)
    await screen.findByRole('region', { name: 'Failed, last 24 h' }, { timeout: 8000 })
    // 50 s old on arrival: the header says so, and within 2 intervals + the proxy's one it is not stale.
    const expected = [0, 1, 2].map((late) => `Updated at ${clockTime(Date.now() - 50_000 - late * 1000)}`)
    expect(expected).toContain(screen.getByText(/^Updated at/).textContent)
    expect(screen.queryByText('Stale')).not.toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    unmount()

    em.resetHandlers()
    em.kioskProxy(KEY, { ageSeconds: 61 })
    renderAt(`/wall?refresh=20#key=${encodeURIComponent(KEY)}`)
    await screen.findByRole('region', { name: 'Failed, last 24 h' }, { timeout: 8000 })
    expect(await screen.findByRole('alert')).toHaveTextContent(': stale.')
    expect(screen.getByText('Stale')).toBeInTheDocument()
  })

  it('in a signed-in tab, a wall URL with a key asks with the key, not the session: the URL decides', async () => {
    const seen = em.kioskProxy(KEY)
    renderAt(`/wall#key=${encodeURIComponent(KEY)}`)
    await screen.findByRole('region', { name: 'Failed, last 24 h' })
    await waitFor(() => expect(seen.length).toBeGreaterThan(2))
    expect(seen.map((request) => [request.key, request.token])).toEqual(seen.map(() => [KEY, null]))
    expect(screen.getByText(/wall account/)).toBeInTheDocument()
  })

  it('keeps an old ?key= bookmark working: the key moves to the fragment at once, and a notice asks to update the bookmark', async () => {
    clearEmSession()
    const seen = em.kioskProxy(KEY)
    const { router } = renderAt(`/wall?key=${encodeURIComponent(KEY)}&refresh=20`)
    const notice = await screen.findByRole('status', { name: 'Update this bookmark' })
    expect(notice).toHaveTextContent('#key=')
    await waitFor(() => expect(seen.length).toBeGreaterThan(0))
    expect(router.state.location.searchStr).not.toContain('key')
    expect(router.state.location.searchStr).toContain('refresh=20')
    expect(router.state.location.hash).toBe(`key=${encodeURIComponent(KEY)}`)
    expect(seen.every((request) => request.key === KEY && !request.url.includes(KEY.slice(0, 12)))).toBe(true)
  })
})

const KEY = 'k7+Yq/3x0Lw9Z2r8Tn5Vb1Pc6Md4Hs0Jf3Ga9Ue7Wi2='
