import { act, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useNow } from './use-now.ts'

function Clock({ label }: { label: string }) {
  const now = useNow(1000)
  return <span>{`${label} ${now}`}</span>
}

beforeEach(() => {
  vi.useFakeTimers({ now: 10_000 })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('useNow', () => {
  it('ticks every interval, one shared clock for every user', () => {
    render(
      <>
        <Clock label="a" />
        <Clock label="b" />
      </>,
    )
    act(() => {
      vi.advanceTimersByTime(1000)
    })
    expect(screen.getByText('a 11000')).toBeInTheDocument()
    expect(screen.getByText('b 11000')).toBeInTheDocument()
    act(() => {
      vi.advanceTimersByTime(3000)
    })
    expect(screen.getByText('a 14000')).toBeInTheDocument()
    expect(vi.getTimerCount()).toBe(1)
  })

  it('stops its timer when the last user unmounts', () => {
    const view = render(<Clock label="solo" />)
    act(() => {
      vi.advanceTimersByTime(2000)
    })
    expect(screen.getByText('solo 12000')).toBeInTheDocument()
    view.unmount()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('survives re-renders from its parent while the clock moves (a resubscribe must not change the time)', () => {
    let ms = 0
    // Every read of the time is later than the one before, as on a real, busy machine.
    vi.spyOn(Date, 'now').mockImplementation(() => {
      ms += 1
      return ms
    })
    const view = render(<Clock label="x" />)
    const shown = screen.getByText(/^x \d+$/).textContent?.slice(2)
    expect(Number(shown)).toBeGreaterThan(0)
    view.rerender(<Clock label="y" />)
    view.rerender(<Clock label="z" />)
    // Still the time the clock took when it started: a parent's render is not a tick.
    expect(screen.getByText(`z ${shown}`)).toBeInTheDocument()
  })
})
