import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { shouldReload, useReloadOnNewBuild } from './version-reload.ts'

const MINUTE = 60_000
let clock = 0

beforeEach(() => {
  clock = 1_000_000
  vi.spyOn(Date, 'now').mockImplementation(() => clock)
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => Response.json({ version: 'build-2' })),
  )
})
afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

/** One life of the page: a fresh app polling version.json, as after a reload; resolves once the poll answered. */
async function pageLife(reload: () => void, emHealthy = true) {
  const client = new QueryClient()
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  )
  const view = renderHook(
    () => useReloadOnNewBuild({ pollMs: 60_000, emHealthy, running: 'build-1', reload }),
    {
      wrapper,
    },
  )
  await waitFor(() => expect(client.getQueryData(['deployed-build'])).toBe('build-2'))
  view.unmount()
}

describe('useReloadOnNewBuild', () => {
  it('reloads for a new build, but a reload that brings the old page back (a stale index.html) does not loop', async () => {
    const reload = vi.fn()
    await pageLife(reload)
    expect(reload).toHaveBeenCalledTimes(1)
    await pageLife(reload)
    await pageLife(reload)
    expect(reload).toHaveBeenCalledTimes(1)
    clock += 5 * MINUTE
    await pageLife(reload)
    expect(reload).toHaveBeenCalledTimes(2)
    clock += 5 * MINUTE
    await pageLife(reload)
    expect(reload).toHaveBeenCalledTimes(2)
  })

  it('never reloads while EM is failing', async () => {
    const reload = vi.fn()
    await pageLife(reload, false)
    expect(reload).not.toHaveBeenCalled()
  })
})

describe('shouldReload', () => {
  it('waits 5, 10, 20 … minutes between tries for the same build, at most an hour; a newer build goes at once', () => {
    const tries = (count: number) => ({ target: 'b2', count, lastAt: 0 })
    expect(shouldReload('b1', 'b2', null, 0)).toBe(true)
    expect(shouldReload('b1', 'b2', tries(1), 5 * MINUTE - 1)).toBe(false)
    expect(shouldReload('b1', 'b2', tries(1), 5 * MINUTE)).toBe(true)
    expect(shouldReload('b1', 'b2', tries(2), 10 * MINUTE)).toBe(true)
    expect(shouldReload('b1', 'b2', tries(3), 19 * MINUTE)).toBe(false)
    expect(shouldReload('b1', 'b2', tries(30), 60 * MINUTE)).toBe(true)
    expect(shouldReload('b1', 'b3', tries(5), 1)).toBe(true)
    expect(shouldReload('b1', 'b1', null, 0)).toBe(false)
  })
})
