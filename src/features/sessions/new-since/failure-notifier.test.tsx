// Opt-in notifications against the emulator, through a stand-in for the browser's Notification API (jsdom has
// none): asked only from a click, once per session that fails while the tab is open, each opening its session.
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { renderAt } from '@/test/render-at.tsx'
import { signedInEmulator } from '@/test/signed-in-emulator.ts'

const em = signedInEmulator()

class FakeNotification {
  static permission: NotificationPermission = 'default'
  static requestPermission = vi.fn(async () => {
    FakeNotification.permission = 'granted'
    return FakeNotification.permission
  })
  static shown: FakeNotification[] = []
  onclick: (() => void) | null = null
  close = vi.fn()
  readonly title: string
  readonly options: NotificationOptions
  constructor(title: string, options: NotificationOptions) {
    this.title = title
    this.options = options
    FakeNotification.shown.push(this)
  }
}

beforeAll(() => {
  vi.stubGlobal('Notification', FakeNotification)
  vi.stubGlobal('isSecureContext', true)
})
beforeEach(async () => {
  FakeNotification.permission = 'default'
  FakeNotification.shown = []
  FakeNotification.requestPermission.mockClear()
  watchedBefore = watchRequests()
})
afterAll(() => {
  vi.unstubAllGlobals()
})

/** The emulator's latest failed sessions by end, as the watch asks EM for them. */
function latestFailed(): string[] {
  return em.context.store.sessions
    .filter((session) => session.result === 'Failed' && session.endTime !== null)
    .sort((a, b) => (b.endTime ?? 0) - (a.endTime ?? 0))
    .slice(0, 25)
    .map((session) => `urn:veeam:ReplicaJobSession:${session.id}`)
}

// The watch's query: the 25 latest failed sessions by end (the explorer's own newest-failure query takes 1).
const watchRequests = () =>
  em.requests.filter((request) => request.includes('sortDesc=EndTime') && request.includes('pageSize=25'))
    .length
let watchedBefore = 0
/** The watch's requests since this test began. */
const watched = () => watchRequests() - watchedBefore

describe('failure notifications', { timeout: 30_000 }, () => {
  it('asks only when clicked, then notifies once per new failure, each opening its session', async () => {
    const { router, queryClient } = renderAt('/sessions')
    const toggle = await screen.findByRole('button', { name: 'Notify me of failures' }, { timeout: 5000 })
    expect(FakeNotification.requestPermission).not.toHaveBeenCalled()
    await userEvent.click(toggle)
    expect(FakeNotification.requestPermission).toHaveBeenCalledTimes(1)
    expect(screen.getByRole('button', { name: 'Notifying of failures' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )

    // The first answer is what had already failed: nothing to announce.
    await waitFor(() => expect(watched()).toBe(1))
    const before = latestFailed()
    expect(FakeNotification.shown).toEqual([])

    // Three days of job runs later, the next refresh brings failures this tab has not seen.
    em.advanceClock(3 * 86_400)
    await queryClient.invalidateQueries()
    const fresh = latestFailed().filter((uid) => !before.includes(uid))
    expect(fresh.length).toBeGreaterThan(0)
    await waitFor(() => expect(FakeNotification.shown).toHaveLength(fresh.length))
    expect(FakeNotification.shown.map((note) => note.options.tag).sort()).toEqual([...fresh].sort())
    expect(FakeNotification.shown[0]?.title).toMatch(/^Replica session failed: /)

    await queryClient.invalidateQueries()
    await waitFor(() => expect(watched()).toBe(3))
    expect(FakeNotification.shown).toHaveLength(fresh.length)

    const first = FakeNotification.shown[0]
    first?.onclick?.()
    const id = String(first?.options.tag).replace('urn:veeam:ReplicaJobSession:', '')
    await waitFor(() => expect(router.state.location.pathname).toBe(`/sessions/${id}`))
    expect(first?.close).toHaveBeenCalled()
  })

  it('never notifies without permission: blocked in the browser, the toggle says so and nothing is watched', async () => {
    FakeNotification.permission = 'denied'
    localStorage.setItem('dashboard.notifyFailures', 'on')
    renderAt('/sessions')
    const toggle = await screen.findByRole('button', { name: 'Notify me of failures' }, { timeout: 5000 })
    expect(toggle).toBeDisabled()
    expect(toggle).toHaveAttribute('title', expect.stringMatching(/blocked/))
    em.advanceClock(86_400)
    await screen.findByRole('table', { name: /Replica job sessions/ }, { timeout: 5000 })
    expect(watched()).toBe(0)
    expect(FakeNotification.shown).toEqual([])
  })
})
