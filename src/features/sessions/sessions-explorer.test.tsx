// The explorer mounted at a URL against the emulator's own handle(): what it shows is checked against what EM
// answers for the same query, never against numbers pasted here.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { HttpResponse, http } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { clearEmSession } from '@/em/session-token.ts'
import { type StoredPageOptions, type StoredSession, storedPage } from '@/test/emulator-records.ts'
import { addFilter } from '@/test/filter-bar.ts'
import { renderAt } from '@/test/render-at.tsx'
import { signedInEmulator } from '@/test/signed-in-emulator.ts'
import { ROWS_PER_STEP } from './sessions-grid.tsx'

const em = signedInEmulator()

const ALL = () => true

/**
 * What EM holds for a query, read from the emulator's records rather than through the app's transport and
 * parsers (a parser bug would otherwise hide on both sides); newest first, 100 a page, unless told otherwise.
 */
function emAnswer(match: (session: StoredSession) => boolean, options: Partial<StoredPageOptions> = {}) {
  const answer = storedPage(em.context, match, { pageSize: 100, ...options })
  return { ...answer, ids: answer.items.map((session) => session.id) }
}

/** Its first item, failing the test when EM holds none: an expectation on an empty answer proves nothing. */
function firstOf(answer: { items: StoredSession[] }): StoredSession {
  const [first] = answer.items
  if (!first) throw new Error('the emulator holds no session for this query')
  return first
}

function table() {
  return screen.getByRole('table', { name: /Replica job sessions/ })
}

// A row is its session: its link leads to /sessions/<id> (the visible text is the job's name, which repeats).
function idOf(link: HTMLElement): string {
  return link.getAttribute('href')?.replace('/sessions/', '') ?? ''
}

/** Session ids of the rows rendered right now. */
function currentNames(): string[] {
  const found = screen.queryByRole('table', { name: /Replica job sessions/ })
  return found ? within(found).queryAllByRole('link').map(idOf) : []
}

/** Session ids of the rendered rows once there are some (the virtualizer renders the first ones). */
async function shownNames(): Promise<string[]> {
  // Generous: the emulator builds its sorted indexes on the first query of a run.
  const found = await screen.findByRole('table', { name: /Replica job sessions/ }, { timeout: 5000 })
  // Rows mount a few per task (sessions-grid.tsx): the table says busy until all of them are in.
  await waitFor(() => expect(found).toHaveAttribute('aria-busy', 'false'), { timeout: 5000 })
  const links = await within(found).findAllByRole('link', {}, { timeout: 5000 })
  return links.map(idOf)
}

describe('sessions explorer', { timeout: 20_000 }, () => {
  it('shows the rows EM answers for the URL, newest first, with the summary counts', async () => {
    renderAt('/sessions?result=Failed&size=25')
    const expected = emAnswer((session) => session.result === 'Failed', { pageSize: 25 })
    expect(expected.items.length).toBeGreaterThan(0)

    const names = await shownNames()
    expect(names.length).toBeGreaterThan(0)
    expect(names).toEqual(expected.ids.slice(0, names.length))
    for (const row of within(table()).getAllByRole('row').slice(1)) {
      expect(row).toHaveTextContent('Result: Failed')
    }
    expect(screen.getByText(`Page 1 of ${expected.pagesCount}`)).toBeInTheDocument()

    // Whole text: "0" must not pass for "105".
    const summary = screen.getByRole('region', { name: 'Summary of the filtered sessions' })
    await waitFor(() =>
      expect(within(summary).getByText('Sessions').nextElementSibling).toHaveTextContent(
        new RegExp(`^${expected.total.toLocaleString()}$`),
      ),
    )
    expect(within(summary).getByText('Warning').nextElementSibling).toHaveTextContent(/^0$/)
  })

  it('sorts by a header click: URL, aria-sort and rows follow, and Back undoes it', async () => {
    const { router } = renderAt('/sessions')
    await shownNames()
    const started = within(table()).getByRole('columnheader', { name: /Started/ })
    expect(started).toHaveAttribute('aria-sort', 'descending')

    await userEvent.click(within(started).getByRole('button'))
    await waitFor(() => expect(router.state.location.search).toMatchObject({ sort: 'CreationTime.asc' }))
    await waitFor(() =>
      expect(within(table()).getByRole('columnheader', { name: /Started/ })).toHaveAttribute(
        'aria-sort',
        'ascending',
      ),
    )
    const oldest = firstOf(emAnswer(ALL, { dir: 'asc' }))
    await waitFor(() => expect(currentNames()[0]).toBe(oldest.id))

    await userEvent.click(within(table()).getByRole('button', { name: /Job/ }))
    await waitFor(() => expect(router.state.location.search).toMatchObject({ sort: 'JobName.asc' }))
    expect(within(table()).getByRole('columnheader', { name: /Job/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    )
    expect(within(table()).getByRole('columnheader', { name: /Started/ })).not.toHaveAttribute('aria-sort')

    router.history.back()
    await waitFor(() => expect(router.state.location.search).toMatchObject({ sort: 'CreationTime.asc' }))
  })

  it('pages forward and back through EM, pushing history', async () => {
    const { router } = renderAt('/sessions?size=50')
    await shownNames()
    const second = emAnswer(ALL, { pageSize: 50, page: 2 })

    await userEvent.click(screen.getByRole('button', { name: /Next/ }))
    await waitFor(() => expect(router.state.location.search).toMatchObject({ page: 2, size: 50 }))
    await waitFor(() => expect(currentNames()[0]).toBe(firstOf(second).id))
    expect(screen.getByText(`Page 2 of ${second.pagesCount}`)).toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: /Previous/ }))
    await waitFor(() => expect(router.state.location.search).not.toHaveProperty('page'))
    router.history.back()
    await waitFor(() => expect(router.state.location.search).toMatchObject({ page: 2 }))
  })

  it('a filter edit replaces the history entry and goes back to page 1', async () => {
    const { router } = renderAt('/sessions?page=2')
    await shownNames()
    const before = router.history.length

    await addFilter('Result')
    await userEvent.click(screen.getByRole('checkbox', { name: 'Warning' }))
    await waitFor(() => expect(router.state.location.search).toMatchObject({ result: ['Warning'] }))
    expect(router.state.location.search).not.toHaveProperty('page')
    expect(router.history.length).toBe(before)
    const expected = emAnswer((session) => session.result === 'Warning')
    await waitFor(() => expect(currentNames()[0]).toBe(firstOf(expected).id))
    const names = currentNames()
    expect(names).toEqual(expected.ids.slice(0, names.length))
  })

  it('a new filter brings a scrolled list back to the top, and leaves a list at the top untouched', async () => {
    const scrollTo = vi.fn()
    // jsdom does not scroll: the write is what is checked.
    Object.defineProperty(HTMLElement.prototype, 'scrollTo', { configurable: true, value: scrollTo })
    const { router } = renderAt('/sessions')
    await shownNames()
    const scroller = document.querySelector('.grid-table-scroller')
    if (!(scroller instanceof HTMLElement)) throw new Error('no table scroller')
    scrollTo.mockClear()
    await addFilter('Result')
    await userEvent.click(screen.getByRole('checkbox', { name: 'Warning' }))
    await waitFor(() => expect(router.state.location.search).toMatchObject({ result: ['Warning'] }))
    await waitFor(() => expect(currentNames()[0]).toBe(firstOf(emAnswer((s) => s.result === 'Warning')).id))
    // At the top already: no scroll, which would have measured the page in the click's task.
    expect(scrollTo).not.toHaveBeenCalled()

    Object.defineProperty(scroller, 'scrollTop', { configurable: true, value: 720 })
    fireEvent.scroll(scroller)
    await userEvent.click(screen.getByRole('checkbox', { name: 'Failed' }))
    await waitFor(() => expect(router.state.location.search).toMatchObject({ result: ['Warning', 'Failed'] }))
    await waitFor(() => expect(scrollTo).toHaveBeenCalledWith(expect.objectContaining({ top: 0 })))
    Reflect.deleteProperty(HTMLElement.prototype, 'scrollTo')
  })

  it('text filters write the URL after a pause, not on every keystroke', async () => {
    const { router } = renderAt('/sessions')
    await shownNames()
    const { jobName } = firstOf(emAnswer(ALL))
    const written: unknown[] = []
    await addFilter('Job')
    const stop = router.history.subscribe(() => written.push(router.history.location.search))
    await userEvent.type(screen.getByLabelText('Job name'), jobName)
    await waitFor(() => expect(router.state.location.search).toMatchObject({ job: jobName }))
    stop()
    expect(written).toHaveLength(1)
    // EM compares text case-insensitively (em-api.md §4.2).
    const expected = emAnswer((session) => session.jobName.toLowerCase() === jobName.toLowerCase())
    await waitFor(() => expect(currentNames()[0]).toBe(firstOf(expected).id), { timeout: 5000 })
  })

  it('entering with rows in hand shows the skeleton until they render, never an empty table', async () => {
    // The rows render in a second pass (explorer-body.tsx): between the passes the list has data but the table
    // none yet, which must not read as "nothing matches".
    const seen = new Set<string>()
    const watch = new MutationObserver(() => {
      if (document.body.textContent?.includes('No sessions match this filter')) seen.add('empty state')
      const grid = document.querySelector('table')
      if (grid && !grid.querySelector('tr.grid-table__row--data')) seen.add('table without rows')
    })
    watch.observe(document.body, { childList: true, subtree: true, characterData: true })
    try {
      renderAt('/sessions?size=25')
      expect((await shownNames()).length).toBeGreaterThan(0)
    } finally {
      watch.disconnect()
    }
    expect([...seen]).toEqual([])
  })

  it('says so when nothing matches, with a way out', async () => {
    renderAt('/sessions?name=no%20such%20session')
    expect(emAnswer((session) => session.name.toLowerCase() === 'no such session').items).toEqual([])
    expect(await screen.findByText('No sessions match this filter')).toBeInTheDocument()
    expect(screen.getAllByRole('button', { name: 'Clear filters' })).toHaveLength(2)
  })

  it('shows an error with a retry when EM fails, and the rows once it answers', async () => {
    em.use(
      http.get('*/api/query', () => HttpResponse.json({ StatusCode: 500, Message: 'Boom' }, { status: 500 })),
    )
    renderAt('/sessions?result=Success')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Enterprise Manager answered 500')
    expect(alert).toHaveTextContent('Boom')

    em.resetHandlers()
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }))
    expect((await shownNames()).length).toBeGreaterThan(0)
  })

  it('mounts the first rows a few per task, the top first, and is busy until all are in', async () => {
    renderAt('/sessions?refresh=0')
    // waitFor rechecks on every DOM mutation, so it sees the first step before the next task adds to it.
    const first = await screen.findAllByRole('link', {
      name: (_, link) => link.hasAttribute('data-row-link'),
    })
    expect(first).toHaveLength(ROWS_PER_STEP)
    expect(first.map(idOf)).toEqual(emAnswer(ALL).ids.slice(0, ROWS_PER_STEP))
    expect(table()).toHaveAttribute('aria-busy', 'true')
    const all = await shownNames()
    expect(all.length).toBeGreaterThan(3 * ROWS_PER_STEP)
    expect(all).toEqual(emAnswer(ALL).ids.slice(0, all.length))
  })

  it('keeps the last good rows, marked stale, when a refresh fails', async () => {
    renderAt('/sessions?refresh=0')
    const names = await shownNames()
    em.use(
      http.get('*/api/query', () => HttpResponse.json({ StatusCode: 503, Message: 'Busy' }, { status: 503 })),
    )
    await userEvent.click(screen.getByRole('button', { name: 'Refresh now' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(/the last refresh failed/)
    expect(await shownNames()).toEqual(names)
    expect(table()).toHaveTextContent('not current')
  })

  it('opens a session by click, and by keyboard: arrows move between rows, Enter opens', async () => {
    const { router } = renderAt('/sessions')
    await shownNames()
    const [first, second] = emAnswer(ALL).items
    if (!first || !second) throw new Error('EM answered fewer than two sessions')
    const rowOf = (index: number) => within(table()).getAllByRole('row')[index + 1] ?? document.body

    await userEvent.click(within(rowOf(0)).getByText('Result:', { exact: false }))
    await waitFor(() => expect(router.state.location.pathname).toBe(`/sessions/${first.id}`))

    router.history.back()
    await shownNames()
    within(rowOf(0)).getByRole('link').focus()
    await userEvent.keyboard('{ArrowDown}')
    expect(within(rowOf(1)).getByRole('link')).toHaveFocus()
    await userEvent.keyboard('{Enter}')
    await waitFor(() => expect(router.state.location.pathname).toBe(`/sessions/${second.id}`))
  })

  it('a malformed URL shows what was ignored and a working page', async () => {
    const { router } = renderAt('/sessions?page=abc&result=Bogus&color=red&retry=exclude&size=7')
    const notice = await screen.findByText(/settings were ignored/)
    const box = notice.closest('.notice')
    if (!(box instanceof HTMLElement)) throw new Error('no notice box')
    for (const key of ['page=abc', 'result=Bogus', 'color=red', 'size=7']) expect(box).toHaveTextContent(key)
    expect(box).not.toHaveTextContent('retry=')
    const expected = emAnswer((session) => !session.isRetry)
    expect(expected.items.length).toBeGreaterThan(0)
    const names = await shownNames()
    expect(names).toEqual(expected.ids.slice(0, names.length))

    await userEvent.click(within(box).getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByText(/settings were ignored/)).not.toBeInTheDocument()
    // The first navigation drops the unknown key from the URL.
    await userEvent.click(screen.getByRole('button', { name: /Next/ }))
    await waitFor(() => expect(router.state.location.search).toEqual({ retry: 'exclude', page: 2 }))
  })

  it('the notice belongs to the link the app was opened with: leaving and coming back does not bring it back', async () => {
    const { router } = renderAt('/sessions?size=7')
    // Generous: on its own this test is the file's first, and the emulator builds its sorted indexes then.
    expect(await screen.findByText(/settings were ignored/, {}, { timeout: 5000 })).toBeInTheDocument()
    await shownNames()
    const [first] = within(table()).getAllByRole('link')
    if (!first) throw new Error('no row to open')
    await userEvent.click(first)
    // Generous: the detail view's code and its loader's EM answers come first, slow on a loaded machine (5 s
    // was not enough at load average 12).
    const crumbs = await screen.findByRole('navigation', { name: 'Breadcrumb' }, { timeout: 15_000 })
    await userEvent.click(within(crumbs).getByRole('link', { name: 'Sessions' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/sessions'), { timeout: 15_000 })
    await shownNames()
    expect(screen.queryByText(/settings were ignored/)).not.toBeInTheDocument()
  }, 60_000)

  it('a link opened while signed out shows what was ignored once the visitor has signed in', async () => {
    clearEmSession()
    const { router } = renderAt('/sessions?size=7&retry=exclude')
    // Generous: the sign-in route loads its module first, slow on a loaded machine.
    await userEvent.type(await screen.findByLabelText('User name', {}, { timeout: 10_000 }), 'admin')
    await userEvent.type(screen.getByLabelText('Password'), 'admin')
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/sessions'), { timeout: 5000 })
    const notice = await screen.findByText(/settings were ignored/, {}, { timeout: 5000 })
    expect(notice.closest('.notice')).toHaveTextContent('size=7')
    expect(router.state.location.search).toEqual({ retry: 'exclude' })
  })

  it('moves a relative window up to now at every auto-refresh instead of pinning its start', async () => {
    // Only the interval timers are fake: the anchor's clock (and, before the fix, the refetch interval).
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    try {
      renderAt('/sessions?created=1h&refresh=15')
      await shownNames()
      const starts = () =>
        em.requests
          .filter((request) => request.includes('type=ReplicaJobSession&format=Entities&filter=CreationTime'))
          .map((request) => /CreationTime>="([^"]+)"/.exec(decodeURIComponent(request))?.[1])
          .map((text) => Date.parse(text ?? ''))
      const first = starts().at(-1) ?? Number.NaN
      expect(first).not.toBeNaN()
      act(() => {
        vi.advanceTimersByTime(15_000)
      })
      await waitFor(() => expect(starts().at(-1)).toBe(first + 15_000))
      act(() => {
        vi.advanceTimersByTime(15_000)
      })
      await waitFor(() => expect(starts().at(-1)).toBe(first + 30_000))
    } finally {
      vi.useRealTimers()
    }
  })

  it('preloads a session only when the pointer rests on it, once, not for every row it sweeps over', async () => {
    renderAt('/sessions')
    await shownNames()
    const links = within(table()).getAllByRole('link').slice(0, 10)
    const detailRequests = () =>
      em.requests.filter((request) => request.includes('/api/replicaSessions/')).length
    const before = detailRequests()
    // A pointer crossing rows: a few tens of milliseconds on each.
    for (const link of links) {
      fireEvent.mouseEnter(link)
      await new Promise((resolve) => setTimeout(resolve, 30))
      fireEvent.mouseLeave(link)
    }
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(detailRequests()).toBe(before)

    const [resting] = links
    if (!resting) throw new Error('no row to rest on')
    for (let i = 0; i < 3; i++) {
      fireEvent.mouseEnter(resting)
      await new Promise((resolve) => setTimeout(resolve, 400))
      fireEvent.mouseLeave(resting)
    }
    await waitFor(() => expect(detailRequests()).toBe(before + 1))
  })
})
