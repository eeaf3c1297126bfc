import { act, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { LiveDuration } from './live-duration.tsx'

beforeEach(() => {
  vi.useFakeTimers({ now: 100_000 })
})
afterEach(() => {
  vi.useRealTimers()
})

const since = (start: number) => (now: number) => now - start

describe('LiveDuration', () => {
  it('counts on each second while ticking, with the spoken form for screen readers', () => {
    render(<LiveDuration msAt={since(58_000)} ticking />)
    expect(screen.getByText('0:42')).toBeInTheDocument()
    expect(screen.getByText('42 seconds')).toBeInTheDocument()
    act(() => {
      vi.advanceTimersByTime(2000)
    })
    expect(screen.getByText('0:44')).toBeInTheDocument()
  })

  it('stays put when not ticking, and says when the duration is unknown', () => {
    const view = render(<LiveDuration msAt={since(58_000)} ticking={false} />)
    act(() => {
      vi.advanceTimersByTime(5000)
    })
    expect(screen.getByText('0:42')).toBeInTheDocument()
    expect(vi.getTimerCount()).toBe(0)
    view.rerender(<LiveDuration msAt={() => null} ticking={false} />)
    expect(screen.getByText('unknown duration')).toBeInTheDocument()
  })
})
