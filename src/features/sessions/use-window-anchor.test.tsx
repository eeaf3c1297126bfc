import { act, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useWindowAnchor } from './use-window-anchor.ts'

beforeEach(() => {
  vi.useFakeTimers({ now: 0 })
})
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

const advance = (ms: number) =>
  act(() => {
    vi.advanceTimersByTime(ms)
  })

describe('useWindowAnchor', () => {
  it('moves the anchor forward one interval at every refresh, so six hours later the window still ends now', () => {
    const { result } = renderHook(({ loaded, every }) => useWindowAnchor(loaded, every), {
      initialProps: { loaded: 60_000, every: 30_000 as number | null },
    })
    expect(result.current).toBe(60_000)
    advance(30_000)
    expect(result.current).toBe(90_000)
    advance(6 * 3_600_000)
    expect(result.current).toBe(60_000 + 6 * 3_600_000 + 30_000)
  })

  it('starts over from a new loader anchor, and stays put with auto-refresh off', () => {
    const { result, rerender } = renderHook(({ loaded, every }) => useWindowAnchor(loaded, every), {
      initialProps: { loaded: 60_000, every: 30_000 as number | null },
    })
    advance(90_000)
    rerender({ loaded: 180_000, every: 30_000 })
    expect(result.current).toBe(180_000)
    rerender({ loaded: 180_000, every: null })
    advance(120_000)
    expect(result.current).toBe(180_000)
  })

  it('does not move while the tab is hidden', () => {
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden')
    const { result } = renderHook(() => useWindowAnchor(60_000, 30_000))
    advance(120_000)
    expect(result.current).toBe(60_000)
  })
})
